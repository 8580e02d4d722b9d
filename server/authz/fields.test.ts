import { describe, expect, it } from 'vitest';
import { type FieldRules, fieldVisibility, parseFieldRules, resolveFieldAccess } from './fields.ts';
import type { Actor } from './policy.ts';

const base = parseFieldRules(JSON.stringify({ priority: 'write', ownerId: 'read' }));

function withOverrides(overrides: FieldRules['overrides']): FieldRules {
  return { default: base.default, overrides };
}

describe('field rule resolution', () => {
  it('reads the flat legacy shape and hides every field it does not mention', () => {
    expect(base.default.priority).toBe('write');
    expect(base.default.ownerId).toBe('read');
    expect(base.default.solution).toBe('hidden');
  });

  const cases: [string, FieldRules['overrides'], { type: string; status: string } | undefined, string][] = [
    ['default without a ticket', [{ field: 'priority', access: 'hidden' }], undefined, 'write'],
    ['unnarrowed override', [{ field: 'priority', access: 'read' }], { type: 'incident', status: 'new' }, 'read'],
    [
      'status does not match',
      [{ field: 'priority', access: 'read', statuses: ['resolved'] }],
      { type: 'incident', status: 'new' },
      'write',
    ],
    [
      'status matches',
      [{ field: 'priority', access: 'read', statuses: ['resolved'] }],
      { type: 'incident', status: 'resolved' },
      'read',
    ],
    [
      'type and status beats type only',
      [
        { field: 'priority', access: 'hidden', types: ['incident'] },
        { field: 'priority', access: 'write', types: ['incident'], statuses: ['new'] },
      ],
      { type: 'incident', status: 'new' },
      'write',
    ],
    [
      'equally specific: most restrictive wins',
      [
        { field: 'priority', access: 'read', types: ['incident'] },
        { field: 'priority', access: 'hidden', statuses: ['new'] },
      ],
      { type: 'incident', status: 'new' },
      'hidden',
    ],
    ['other field untouched', [{ field: 'ownerId', access: 'hidden' }], { type: 'incident', status: 'new' }, 'write'],
  ];
  for (const [name, overrides, context, expected] of cases) {
    it(name, () => expect(resolveFieldAccess(withOverrides(overrides), 'priority', context)).toBe(expected));
  }

  it('drops malformed overrides, never widening one narrowed by something unknown', () => {
    const parsed = parseFieldRules(
      JSON.stringify({
        default: { priority: 'hidden' },
        overrides: [
          { field: 'nope', access: 'read' },
          { field: 'priority', access: 'write', statuses: ['Not a key!'] },
          { field: 'priority', access: 'read', statuses: ['retired_status'] },
        ],
      }),
    );
    // A well-formed key of a status that no longer exists stays narrowed to it: it never applies.
    expect(parsed.overrides).toEqual([{ field: 'priority', access: 'read', statuses: ['retired_status'] }]);
    expect(resolveFieldAccess(parsed, 'priority', { type: 'incident', status: 'new' })).toBe('hidden');
  });
});

describe('where a field is visible, for filters across tickets', () => {
  const actorWith = (rules: FieldRules): Actor => ({
    id: 1,
    email: 'a@example.test',
    name: 'A',
    roleKey: 'engineer',
    locale: 'en',
    organizationId: null,
    organizationSharesTickets: false,
    groupIds: [],
    permissions: new Set(),
    fieldRules: rules,
  });
  const types = ['incident', 'change_request'];
  const statuses = ['new', 'resolved'];

  it('is everywhere without a hiding override, and nowhere when hidden by default', () => {
    expect(fieldVisibility(actorWith(withOverrides([])), 'ownerId', types, statuses)).toBe('all');
    expect(fieldVisibility(actorWith(withOverrides([])), 'solution', types, statuses)).toBe('none');
  });

  it('lists the types and statuses left visible by overrides that hide it', () => {
    const rules = withOverrides([
      { field: 'ownerId', access: 'hidden', types: ['change_request'] },
      { field: 'ownerId', access: 'read', types: ['change_request'], statuses: ['resolved'] },
    ]);
    expect(fieldVisibility(actorWith(rules), 'ownerId', types, statuses)).toEqual([
      { type: 'incident', statuses: ['new', 'resolved'] },
      { type: 'change_request', statuses: ['resolved'] },
    ]);
  });

  it('finds where an override shows a field hidden by default', () => {
    const rules = withOverrides([{ field: 'solution', access: 'read', statuses: ['resolved'] }]);
    expect(fieldVisibility(actorWith(rules), 'solution', types, statuses)).toEqual([
      { type: 'incident', statuses: ['resolved'] },
      { type: 'change_request', statuses: ['resolved'] },
    ]);
  });
});

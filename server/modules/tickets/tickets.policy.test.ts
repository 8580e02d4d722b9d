import { describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/policy.ts';
import { DEFAULT_ROLES } from '../../authz/roles.ts';
import { DEFAULT_WORKFLOW } from '../workflow/workflow.model.ts';
import { canReadTicket, filterScopes, ticketsShowing } from './tickets.policy.ts';

function actor(role: keyof typeof DEFAULT_ROLES, extra: Partial<Actor> = {}): Actor {
  return {
    id: 1,
    email: 'a@x.test',
    name: 'A',
    roleKey: role,
    locale: 'en',
    organizationId: null,
    organizationSharesTickets: false,
    groupIds: [],
    permissions: new Set(DEFAULT_ROLES[role].permissions),
    fieldRules: DEFAULT_ROLES[role].fieldRules,
    ...extra,
  };
}

const ticket = (
  over: Partial<{
    requester_id: number;
    owner_id: number | null;
    group_id: number | null;
    organization_id: number | null;
  }> = {},
) => ({
  requester_id: 2,
  owner_id: null,
  group_id: 5,
  organization_id: 7,
  ...over,
});

describe('who may read a ticket', () => {
  it('customers: their own, or their organization’s when it shares', () => {
    expect(canReadTicket(actor('customer'), ticket({ requester_id: 1 }))).toBe(true);
    expect(canReadTicket(actor('customer'), ticket())).toBe(false);
    expect(canReadTicket(actor('customer', { organizationId: 7 }), ticket())).toBe(false);
    expect(canReadTicket(actor('customer', { organizationId: 7, organizationSharesTickets: true }), ticket())).toBe(
      true,
    );
  });

  it('engineers: owned or in one of their groups', () => {
    expect(canReadTicket(actor('engineer'), ticket())).toBe(false);
    expect(canReadTicket(actor('engineer', { groupIds: [5] }), ticket())).toBe(true);
    expect(canReadTicket(actor('engineer'), ticket({ owner_id: 1, group_id: null }))).toBe(true);
  });

  it('operators, managers and admins: everything', () => {
    for (const role of ['operator', 'manager', 'admin'] as const)
      expect(canReadTicket(actor(role), ticket())).toBe(true);
  });
});

describe('where fields are shown, for filters and search across tickets', () => {
  const statuses = DEFAULT_WORKFLOW.statuses.map((s) => s.key);
  const withRules = (overrides: Actor['fieldRules']['overrides'], defaults: Record<string, string> = {}) => {
    const base = DEFAULT_ROLES.engineer.fieldRules;
    return actor('engineer', {
      fieldRules: { default: { ...base.default, ...defaults } as typeof base.default, overrides },
    });
  };

  it('is everywhere without hiding rules, nowhere when one field is hidden on every ticket', () => {
    expect(ticketsShowing(withRules([]), DEFAULT_WORKFLOW, ['subject', 'requesterId'])).toBe('all');
    expect(ticketsShowing(withRules([], { requesterId: 'hidden' }), DEFAULT_WORKFLOW, ['subject', 'requesterId'])).toBe(
      'none',
    );
  });

  it('gives one scope per field hidden on some tickets, over every type and status', () => {
    const reader = withRules([
      { field: 'subject', access: 'hidden', types: ['change_request'] },
      { field: 'requesterId', access: 'hidden', statuses: ['closed'] },
    ]);
    const scopes = ticketsShowing(reader, DEFAULT_WORKFLOW, ['subject', 'requesterId']);
    if (!Array.isArray(scopes)) throw new Error(`expected scopes, got ${scopes}`);
    expect(scopes).toHaveLength(2);
    expect(scopes[0].map((e) => e.type)).not.toContain('change_request');
    expect(scopes[0].every((e) => e.statuses.length === statuses.length)).toBe(true);
    expect(scopes[1].map((e) => e.type)).toEqual(DEFAULT_WORKFLOW.types.map((t) => t.key));
    expect(scopes[1].every((e) => !e.statuses.includes('closed') && e.statuses.length === statuses.length - 1)).toBe(
      true,
    );
  });

  it('narrows filters on fields hidden on some tickets and refuses those hidden on all, by parameter', () => {
    const reader = withRules([{ field: 'ownerId', access: 'hidden', types: ['change_request'] }], { type: 'hidden' });
    const { scopes, refused } = filterScopes(reader, DEFAULT_WORKFLOW, [
      ['ownerId', 'owner'],
      ['type', 'ticketType'],
      ['subject', 'q'],
    ]);
    expect(refused).toEqual(['ticketType']);
    expect(scopes).toHaveLength(1);
    expect(scopes[0].map((e) => e.type)).not.toContain('change_request');
  });
});

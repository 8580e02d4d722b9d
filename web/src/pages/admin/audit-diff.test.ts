import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './audit-diff.ts';

const role = {
  id: 3,
  key: 'engineer',
  name: 'Engineer',
  permissions: ['menu.agent', 'ticket.reply'],
  fieldRules: { default: { priority: 'write', subject: 'write' }, overrides: [] },
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('diffSnapshots', () => {
  it('lists only changed keys and ignores bookkeeping', () => {
    expect(diffSnapshots(role, { ...role, updatedAt: '2025-02-01T00:00:00Z' })).toEqual([]);
    expect(diffSnapshots(role, { ...role, name: 'Engineers' })).toEqual([
      { kind: 'value', key: 'name', from: 'Engineer', to: 'Engineers' },
    ]);
  });

  it('splits permissions into added and removed', () => {
    const after = { ...role, permissions: ['menu.agent', 'ticket.assign', 'ticket.note.read'] };
    expect(diffSnapshots(role, after)).toEqual([
      { kind: 'permissions', added: ['ticket.assign', 'ticket.note.read'], removed: ['ticket.reply'] },
    ]);
  });

  it('tells field default changes and added or removed overrides', () => {
    const override = { field: 'priority', access: 'read', statuses: ['resolved', 'closed'] };
    const after = {
      ...role,
      fieldRules: { default: { priority: 'hidden', subject: 'write' }, overrides: [override] },
    };
    expect(diffSnapshots(role, after)).toEqual([
      { kind: 'fieldDefault', field: 'priority', from: 'write', to: 'hidden' },
      { kind: 'overrideAdded', override },
    ]);
    expect(diffSnapshots(after, role)).toContainEqual({ kind: 'overrideRemoved', override });
  });

  it('reads a creation as changes from nothing and accepts bare field-rule snapshots', () => {
    expect(diffSnapshots(null, { name: 'Auditor', permissions: ['admin.audit.read'] })).toEqual([
      { kind: 'value', key: 'name', from: null, to: 'Auditor' },
      { kind: 'permissions', added: ['admin.audit.read'], removed: [] },
    ]);
    expect(
      diffSnapshots({ default: { type: 'read' }, overrides: [] }, { default: { type: 'write' }, overrides: [] }),
    ).toEqual([{ kind: 'fieldDefault', field: 'type', from: 'read', to: 'write' }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/policy.ts';
import { DEFAULT_ROLES } from '../../authz/roles.ts';
import { canReadTicket } from './tickets.policy.ts';

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

import { describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/policy.ts';
import { DEFAULT_ROLES } from '../../authz/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_WORKFLOW } from './workflow.model.ts';
import { availableTransitions as available, resolveTransition as resolve } from './workflow.service.ts';

const availableTransitions = (actor: Actor, ticket: { status: string; requester_id: number }) =>
  available(actor, { type: 'incident', ...ticket }, DEFAULT_WORKFLOW);
const resolveTransition = (actor: Actor, ticket: { status: string; requester_id: number }, to: string) =>
  resolve(actor, { type: 'incident', ...ticket }, to, DEFAULT_WORKFLOW);

function actorWithRole(role: keyof typeof DEFAULT_ROLES, id = 1): Actor {
  const def = DEFAULT_ROLES[role];
  return {
    id,
    email: `${role}@x.test`,
    name: role,
    roleKey: role,
    locale: 'en',
    organizationId: null,
    organizationSharesTickets: false,
    groupIds: [],
    permissions: new Set(def.permissions),
    fieldRules: def.fieldRules,
  };
}

describe('default workflow', () => {
  const customer = actorWithRole('customer', 10);
  const engineer = actorWithRole('engineer', 20);

  it('offers the requester confirm and reject on a resolved ticket, nothing to strangers', () => {
    const ticket = { status: 'resolved', requester_id: 10 };
    expect(availableTransitions(customer, ticket)).toEqual([
      { to: 'closed', requires: [] },
      { to: 'in_progress', requires: ['comment'] },
    ]);
    expect(availableTransitions(actorWithRole('customer', 11), ticket)).toEqual([]);
  });

  it('requires a solution to resolve', () => {
    const moves = availableTransitions(engineer, { status: 'in_progress', requester_id: 10 });
    expect(moves).toContainEqual({ to: 'resolved', requires: ['solution'] });
    expect(moves.map((m) => m.to)).not.toContain('closed');
  });

  it('tells a missing move (409) from a move of another role (403)', () => {
    const expectStatus = (fn: () => unknown, status: number) => {
      try {
        fn();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(status);
      }
    };
    expectStatus(() => resolveTransition(engineer, { status: 'closed', requester_id: 10 }, 'resolved'), 409);
    expectStatus(() => resolveTransition(customer, { status: 'new', requester_id: 10 }, 'resolved'), 403);
    expect(resolveTransition(customer, { status: 'new', requester_id: 10 }, 'cancelled').by).toBe('requester');
  });

  it('leaves nothing to do once a ticket is closed or cancelled', () => {
    for (const status of ['closed', 'cancelled']) {
      expect(availableTransitions(engineer, { status, requester_id: 10 })).toEqual([]);
      expect(availableTransitions(customer, { status, requester_id: 10 })).toEqual([]);
    }
  });
});

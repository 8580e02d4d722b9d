import { describe, expect, it } from 'vitest';
import type { NotificationRule } from '../../../api/notifications.ts';
import { cellInput, cellState, type MatrixScope, matrixCell } from './matrix.ts';

let nextId = 1;
function rule(overrides: Partial<NotificationRule>): NotificationRule {
  return {
    id: nextId++,
    level: 'workflow',
    ticketType: null,
    serviceId: null,
    userId: null,
    event: 'ticket.resolved',
    categoryId: null,
    statusTo: null,
    recipientRole: 'requester',
    channel: 'email',
    enabled: true,
    userOverridable: true,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

const DEFAULT: MatrixScope = { level: 'workflow', ticketType: null, serviceId: null, categoryId: null, statusTo: null };

describe('notification matrix cells', () => {
  const base = rule({});
  const incident = rule({ ticketType: 'incident', enabled: false });
  const vpn = rule({ level: 'service', serviceId: 7, categoryId: 3 });
  const mine = rule({ level: 'user', userId: 5, enabled: false });
  const rules = [base, incident, vpn, mine];

  it('shows the rule set exactly in the scope, and nothing inherited on the default process', () => {
    expect(matrixCell(rules, DEFAULT, 'ticket.resolved', 'requester', 'email')).toEqual({
      rule: base,
      inherited: null,
    });
    expect(cellState(matrixCell(rules, DEFAULT, 'ticket.resolved', 'requester', 'email'))).toBe('on');
    expect(cellState(matrixCell(rules, DEFAULT, 'ticket.resolved', 'requester', 'in_app'))).toBe('unset');
  });

  it('inherits from the default process in a type, a group or a service', () => {
    const type = { ...DEFAULT, ticketType: 'incident' };
    expect(matrixCell(rules, type, 'ticket.resolved', 'requester', 'email')).toEqual({
      rule: incident,
      inherited: base,
    });
    const request = { ...DEFAULT, ticketType: 'request', categoryId: 3 };
    expect(matrixCell(rules, request, 'ticket.resolved', 'requester', 'email')).toEqual({
      rule: null,
      inherited: base,
    });
    const service = { ...DEFAULT, level: 'service' as const, serviceId: 7 };
    expect(matrixCell(rules, service, 'ticket.resolved', 'requester', 'email')).toEqual({
      rule: null,
      inherited: base,
    });
    // The service's group-specific rule is more specific than the service scope without a group: not inherited.
    const inGroup = { ...service, categoryId: 3 };
    expect(matrixCell(rules, inGroup, 'ticket.resolved', 'requester', 'email')).toEqual({ rule: vpn, inherited: base });
  });

  it('writes the scope into a cell, with a status only on the status-change row', () => {
    const scope: MatrixScope = { level: 'service', ticketType: 'x', serviceId: 7, categoryId: 3, statusTo: 'resolved' };
    expect(cellInput(scope, 'ticket.status_changed', 'owner', 'in_app', false, true)).toMatchObject({
      level: 'service',
      ticketType: null,
      serviceId: 7,
      categoryId: 3,
      statusTo: 'resolved',
      enabled: false,
    });
    expect(cellInput(scope, 'ticket.closed', 'owner', 'in_app', true, true).statusTo).toBeNull();
  });
});

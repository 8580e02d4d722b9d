/** Rule builders and a one-call question for the cascade's table tests (no test of its own). */
import {
  buildRuleIndex,
  type NotificationAnswer,
  type NotificationQuestion,
  type NotificationRule,
  resolveNotification,
  type TicketContext,
} from './cascade.ts';

// Rules default to: ticket.resolved -> owner by e-mail, any category, any status, on, not overridable.
type Over = Partial<Omit<NotificationRule, 'id' | 'level'>>;
const base = (id: number, level: NotificationRule['level'], over: Over): NotificationRule => ({
  id,
  level,
  ticketType: null,
  serviceId: null,
  userId: null,
  event: 'ticket.resolved',
  categoryId: null,
  statusTo: null,
  recipientRole: 'owner',
  channel: 'email',
  enabled: true,
  userOverridable: false,
  ...over,
});
/** A level-1 rule (default process unless `ticketType` is given). */
export const wf = (id: number, over: Over = {}) => base(id, 'workflow', over);
/** A level-2 rule for service 7 (the ticket's). */
export const svc = (id: number, over: Over = {}) => base(id, 'service', { serviceId: 7, ...over });
/** A level-3 rule of user 42 (the one asked about). */
export const usr = (id: number, over: Over = {}) => base(id, 'user', { userId: 42, ...over });
export const off = { enabled: false };
export const open = { userOverridable: true };
export const changed = { event: 'ticket.status_changed' as const };

/** An incident of service 7 in category 3. */
export const TICKET: TicketContext = { type: 'incident', serviceId: 7, categoryId: 3, statusTo: null };

/** Asks whether user 42 (owner) gets ticket.resolved by e-mail, with overrides. */
export const ask = (
  rules: NotificationRule[],
  over: Partial<NotificationQuestion> = {},
  ticket: Partial<TicketContext> = {},
): NotificationAnswer =>
  resolveNotification(buildRuleIndex(rules), {
    event: 'ticket.resolved',
    channel: 'email',
    recipient: { userId: 42, roles: ['owner'] },
    ...over,
    ticket: { ...TICKET, ...ticket },
  });

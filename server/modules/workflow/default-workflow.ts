import type { TicketStatus } from '../../../common/domain.ts';

/** Who may take a transition: staff with `ticket.transition`, or the ticket's requester. */
export type TransitionActor = 'agent' | 'requester';

/** Inputs a transition demands: a solution text to resolve, a comment to reject or cancel. */
export type TransitionRequirement = 'solution' | 'comment';

export interface TransitionRule {
  from: readonly TicketStatus[];
  to: TicketStatus;
  by: TransitionActor;
  requires: readonly TransitionRequirement[];
}

const WORKING: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_vendor'];

/**
 * The main process of MISSION.md as a transition table. Moving to `assigned` happens by
 * setting an owner, `waiting_customer -> in_progress` also happens when the customer
 * replies, and `waiting_vendor` is entered by escalating to a vendor (which records the
 * vendor and its deadline); these are applied by the services, not taken as buttons.
 */
export const DEFAULT_TRANSITIONS: readonly TransitionRule[] = [
  { from: ['new', 'assigned', 'waiting_customer', 'waiting_vendor'], to: 'in_progress', by: 'agent', requires: [] },
  { from: ['new', 'assigned', 'in_progress'], to: 'waiting_customer', by: 'agent', requires: [] },
  { from: WORKING, to: 'resolved', by: 'agent', requires: ['solution'] },
  { from: WORKING, to: 'cancelled', by: 'agent', requires: ['comment'] },
  { from: ['new', 'assigned'], to: 'cancelled', by: 'requester', requires: [] },
  { from: ['resolved'], to: 'closed', by: 'requester', requires: [] },
  { from: ['resolved'], to: 'in_progress', by: 'requester', requires: ['comment'] },
  { from: ['resolved'], to: 'in_progress', by: 'agent', requires: [] },
  { from: ['resolved'], to: 'closed', by: 'agent', requires: [] },
];

/** Statuses in which the conversation is over for the customer. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'cancelled'];

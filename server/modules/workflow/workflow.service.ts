import { type Actor, can } from '../../authz/policy.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { TransitionDef, TransitionRequirement, Workflow } from './workflow.model.ts';

/** The ticket facts that decide which transitions an actor may take. */
export interface TransitionSubject {
  status: string;
  type: string;
  requester_id: number;
}

function actorMayTake(actor: Actor, ticket: TransitionSubject, rule: TransitionDef): boolean {
  if (rule.roles.length > 0 && !rule.roles.includes(actor.roleKey)) return false;
  if (rule.by === 'agent') return can(actor, 'ticket.transition');
  return can(actor, 'ticket.confirm') && ticket.requester_id === actor.id;
}

/** Transitions this actor may take now, with what each requires (shown as buttons). */
export function availableTransitions(
  actor: Actor,
  ticket: TransitionSubject,
  workflow: Workflow,
): { to: string; requires: TransitionRequirement[] }[] {
  const out = new Map<string, TransitionRequirement[]>();
  for (const rule of workflow.rulesFor(ticket.type)) {
    if (rule.from !== ticket.status || !actorMayTake(actor, ticket, rule)) continue;
    // When both an agent rule and a requester rule apply, the lighter requirement wins.
    const existing = out.get(rule.to);
    if (!existing || rule.requires.length < existing.length) out.set(rule.to, [...rule.requires]);
  }
  return [...out].map(([to, requires]) => ({ to, requires }));
}

/**
 * Finds the rule for `from -> to` that the actor may take. 409 when no rule leads there from
 * the current status; 403 when rules exist but none is the actor's.
 */
export function resolveTransition(
  actor: Actor,
  ticket: TransitionSubject,
  to: string,
  workflow: Workflow,
): TransitionDef {
  const candidates = workflow.rulesFor(ticket.type).filter((r) => r.to === to && r.from === ticket.status);
  if (candidates.length === 0) {
    throw conflict('transition_not_allowed', `A ticket cannot move from ${ticket.status} to ${to}`, ['to']);
  }
  const mine = candidates.filter((r) => actorMayTake(actor, ticket, r));
  if (mine.length === 0) throw forbidden(`Your role may not move this ticket to ${to}`);
  return mine.reduce((a, b) => (b.requires.length < a.requires.length ? b : a));
}

import { type FieldAccess, TICKET_FIELDS, type TicketField } from '../../common/domain.ts';
import type { Actor } from './policy.ts';

/** The actor's access to one ticket field; unknown fields are hidden (deny by default). */
export function fieldAccess(actor: Actor, field: TicketField): FieldAccess {
  return actor.fieldRules[field] ?? 'hidden';
}

/** Names of the given fields the actor may not write, in a stable order. */
export function unwritableFields(actor: Actor, fields: readonly TicketField[]): TicketField[] {
  return fields.filter((field) => fieldAccess(actor, field) !== 'write');
}

/** Readable fields with their access, sent to the UI as abilities. */
export function visibleFieldAccess(actor: Actor): Partial<Record<TicketField, 'read' | 'write'>> {
  const out: Partial<Record<TicketField, 'read' | 'write'>> = {};
  for (const field of TICKET_FIELDS) {
    const access = fieldAccess(actor, field);
    if (access !== 'hidden') out[field] = access;
  }
  return out;
}

/** Parses stored field rules, filling gaps with `hidden`. */
export function parseFieldRules(json: string): Record<TicketField, FieldAccess> {
  const raw = JSON.parse(json) as Partial<Record<string, string>>;
  const out = {} as Record<TicketField, FieldAccess>;
  for (const field of TICKET_FIELDS) {
    const value = raw[field];
    out[field] = value === 'read' || value === 'write' ? value : 'hidden';
  }
  return out;
}

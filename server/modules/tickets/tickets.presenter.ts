import type { TicketField } from '../../../common/domain.ts';
import { type FieldContext, fieldAccess, visibleFieldAccess } from '../../authz/fields.ts';
import { type Actor, can } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import type { CustomValue } from '../customfields/customfields.model.ts';
import { type CustomSnapshot, readableCustomValues } from '../customfields/ticket-values.ts';
import { presentSla, type TicketSlaView } from '../sla/sla.view.ts';
import type { Workflow } from '../workflow/workflow.model.ts';
import { availableTransitions } from '../workflow/workflow.service.ts';
import type { TicketRow } from './tickets.repo.ts';

function presentVendor(row: TicketRow): TicketVendorView | null {
  if (row.vendor_id === null) return null;
  return {
    id: row.vendor_id,
    name: row.vendor_name ?? '',
    reference: row.vendor_reference,
    escalatedAt: row.vendor_escalated_at,
    dueAt: row.vendor_due_at,
    laterThanCustomerDue:
      row.vendor_due_at !== null &&
      row.resolution_due_at !== null &&
      new Date(row.vendor_due_at).getTime() > new Date(row.resolution_due_at).getTime(),
  };
}

interface PersonRef {
  id: number;
  name: string;
  email: string;
}

/** The ticket as the API shows it to one actor. Fields hidden for the actor are left out. */
export interface TicketView {
  id: number;
  number: number;
  status: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  subject?: string;
  priority?: string;
  type?: string;
  channel?: string;
  requesterId?: number;
  requester?: PersonRef;
  ownerId?: number | null;
  owner?: PersonRef | null;
  groupId?: number | null;
  categoryId?: number | null;
  serviceId?: number | null;
  organizationId?: number | null;
  solution?: string | null;
  sla?: TicketSlaView;
  vendor?: TicketVendorView | null;
  /** When the ticket first left the first line (shown with the group). */
  secondLineAt?: string | null;
  /** Custom field values by key; only the fields the actor may read. */
  customFields?: Record<string, CustomValue>;
  abilities: TicketAbilities;
}

/** The outside vendor a ticket is escalated to. */
export interface TicketVendorView {
  id: number;
  name: string;
  reference: string | null;
  escalatedAt: string | null;
  dueAt: string | null;
  /** The vendor's due date falls after the resolution date promised to the customer. */
  laterThanCustomerDue: boolean;
}

export interface TicketAbilities {
  update: boolean;
  assign: boolean;
  reply: boolean;
  note: boolean;
  phone: boolean;
  /** Hand over to another support line. */
  escalate: boolean;
  /** Hand over to an outside vendor. */
  escalateVendor: boolean;
  /** Built-in fields and custom fields (`cf.<key>`) the actor may read, with their access. */
  fields: Record<string, 'read' | 'write'>;
  transitions: { to: string; requires: string[] }[];
}

function customFieldAccess(actor: Actor, snapshot: CustomSnapshot | undefined, context: FieldContext) {
  const out: Record<string, 'read' | 'write'> = {};
  for (const field of snapshot?.fields ?? []) {
    const access = fieldAccess(actor, field.name, context);
    if (access !== 'hidden') out[field.name] = access;
  }
  return out;
}

/** What the actor may do with this ticket; the UI follows it, the server checks again. */
export function ticketAbilities(
  actor: Actor,
  row: TicketRow,
  workflow: Workflow,
  snapshot?: CustomSnapshot,
): TicketAbilities {
  const final = workflow.isFinal(row.status);
  const open = workflow.isOpen(row.status);
  const context = { type: row.type, status: row.status };
  return {
    update: can(actor, 'ticket.update'),
    assign: can(actor, 'ticket.assign') && fieldAccess(actor, 'ownerId', context) === 'write',
    reply: can(actor, 'ticket.reply') && (!final || can(actor, 'menu.agent')),
    note: can(actor, 'ticket.note.write'),
    phone: can(actor, 'ticket.phone.write'),
    escalate: open && can(actor, 'ticket.escalate') && fieldAccess(actor, 'groupId', context) === 'write',
    escalateVendor: open && can(actor, 'ticket.escalate.vendor') && fieldAccess(actor, 'vendor', context) === 'write',
    fields: { ...visibleFieldAccess(actor, context), ...customFieldAccess(actor, snapshot, context) },
    transitions: availableTransitions(actor, row, workflow),
  };
}

/** What presenting needs besides the row: the instant SLA states are brought to, and the workflow. */
export interface PresentEnv {
  now: Date;
  workflow: Workflow;
}

export function presentEnv(ctx: Pick<AppContext, 'clock' | 'workflow'>): PresentEnv {
  return { now: ctx.clock.now(), workflow: ctx.workflow.current() };
}

/** Presents a ticket row to an actor, dropping every field their role may not read. */
export function presentTicket(
  actor: Actor,
  row: TicketRow,
  snapshot: CustomSnapshot | undefined,
  env: PresentEnv,
): TicketView {
  const context = { type: row.type, status: row.status };
  const readable = (field: TicketField) => fieldAccess(actor, field, context) !== 'hidden';
  const view: TicketView = {
    id: row.id,
    number: row.number,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    abilities: ticketAbilities(actor, row, env.workflow, snapshot),
  };
  if (readable('subject')) view.subject = row.subject;
  if (readable('priority')) view.priority = row.priority;
  if (readable('type')) view.type = row.type;
  if (readable('channel')) view.channel = row.channel;
  if (readable('requesterId')) {
    view.requesterId = row.requester_id;
    view.requester = { id: row.requester_id, name: row.requester_name ?? '', email: row.requester_email ?? '' };
  }
  if (readable('ownerId')) {
    view.ownerId = row.owner_id;
    view.owner =
      row.owner_id !== null && row.owner_name !== null
        ? { id: row.owner_id, name: row.owner_name, email: can(actor, 'menu.agent') ? (row.owner_email ?? '') : '' }
        : null;
  }
  if (readable('groupId')) view.groupId = row.group_id;
  if (readable('categoryId')) view.categoryId = row.category_id;
  if (readable('serviceId')) view.serviceId = row.service_id;
  if (readable('organizationId')) view.organizationId = row.organization_id;
  if (readable('solution')) view.solution = row.solution;
  if (readable('groupId')) view.secondLineAt = row.second_line_at;
  if (readable('sla')) view.sla = presentSla(row, env.now);
  if (readable('vendor')) view.vendor = presentVendor(row);
  if (snapshot && snapshot.fields.length > 0)
    view.customFields = readableCustomValues(actor, snapshot, row.id, context);
  return view;
}

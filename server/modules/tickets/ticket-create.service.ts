import type { TicketChannel, TicketField, TicketPriority } from '../../../common/domain.ts';
import { fieldAccess, unwritableFields } from '../../authz/fields.ts';
import { type Actor, authorize, can, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, fieldForbidden } from '../../platform/errors.ts';
import { type DomainEvent, emit, emitMany } from '../../platform/events.ts';
import { bodyToHtml, htmlToText } from '../../platform/html.ts';
import { loadActor } from '../auth/actor.ts';
import { findFirstLineGroupId } from '../catalog/catalog.repo.ts';
import type { CustomField, CustomValue } from '../customfields/customfields.model.ts';
import {
  assertRequired,
  type CustomChange,
  type CustomSnapshot,
  defaultChanges,
  loadCustomSnapshot,
  prepareCustomChanges,
  unwritableCustomFields,
  writeCustomChanges,
} from '../customfields/ticket-values.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { initialSla, policyCacheFor, recentContractsFor } from '../sla/sla.service.ts';
import { insertMessage, linkAttachments } from './messages.repo.ts';
import { validateTicketRefs } from './ticket-refs.ts';
import { presentEnv, presentTicket, type TicketView } from './tickets.presenter.ts';
import {
  findStickyOwnerCandidate,
  findTicketById,
  insertHistory,
  insertTicket,
  nextTicketNumber,
} from './tickets.repo.ts';
import type { ChannelWriteOptions } from './write-options.ts';

export interface CreateTicketInput {
  subject: string;
  body: string;
  /** A ticket type key (built-in or admin-defined, active). */
  type?: string;
  priority?: TicketPriority;
  categoryId?: number;
  serviceId?: number;
  requesterId?: number;
  channel?: TicketChannel;
  attachmentIds?: number[];
  customFields?: Record<string, CustomValue>;
}

/** Intake fields anyone allowed to open a ticket may fill in, whatever the field rules say. */
const INTAKE_FIELDS = new Set<string>(['subject', 'type', 'categoryId', 'serviceId']);

function refusedCreateFields(actor: Actor, input: CreateTicketInput): TicketField[] {
  const asked: TicketField[] = [];
  if (input.priority !== undefined) asked.push('priority');
  if (input.requesterId !== undefined && input.requesterId !== actor.id) asked.push('requesterId');
  if (input.channel !== undefined) asked.push('channel');
  const context = { type: input.type ?? 'incident', status: 'new' };
  const refused = unwritableFields(actor, asked, context).filter((f) => !INTAKE_FIELDS.has(f));
  if (asked.includes('requesterId') && !can(actor, 'ticket.create.on_behalf') && !refused.includes('requesterId')) {
    refused.push('requesterId');
  }
  return refused;
}

/** The agent who owned the requester's latest ticket, when sticky ownership applies. */
async function stickyOwner(ctx: AppContext, requesterId: number): Promise<number | null> {
  if (!(await readSettings(ctx.db)).stickyOwner) return null;
  const candidate = await findStickyOwnerCandidate(ctx.db.kysely, requesterId);
  if (candidate === null) return null;
  const owner = await loadActor(ctx.db, candidate);
  return owner && isAgent(owner) ? owner.id : null;
}

/**
 * Opens a ticket: from the portal, by an operator logging a call on a customer's behalf, or
 * over the API. Writes the ticket, its first message, history and event in one transaction.
 */
export async function createTicket(
  ctx: AppContext,
  actor: Actor,
  input: CreateTicketInput,
  defaultChannel: TicketChannel,
  options: ChannelWriteOptions = {},
): Promise<TicketView> {
  const ticketId = await writeNewTicket(ctx, actor, input, defaultChannel, options);
  return presentTicket(
    actor,
    (await findTicketById(ctx.db.kysely, ticketId))!,
    await loadCustomSnapshot(ctx, [ticketId]),
    presentEnv(ctx),
  );
}

/**
 * `createTicket` without presenting the result: returns the new ticket's id. For channels that
 * answer nobody synchronously (mail intake), where reading the ticket back is wasted work.
 */
export async function writeNewTicket(
  ctx: AppContext,
  actor: Actor,
  input: CreateTicketInput,
  defaultChannel: TicketChannel,
  options: ChannelWriteOptions = {},
): Promise<number> {
  authorize(actor, 'ticket.create');
  const snapshot = await loadCustomSnapshot(ctx, []);
  const intakeContext = { type: input.type ?? 'incident', status: 'new' };
  const refused = [
    ...refusedCreateFields(actor, input),
    ...unwritableCustomFields(actor, snapshot, input.customFields, { context: intakeContext, intake: true }),
  ];
  if (refused.length > 0) throw fieldForbidden(refused);
  if (input.type !== undefined && !ctx.workflow.current().hasType(input.type)) {
    throw badRequest('Unknown ticket type', ['type']);
  }
  const subject = input.subject.trim();
  const bodyHtml = bodyToHtml(input.body);
  const bodyText = htmlToText(bodyHtml);
  const blank = [...(subject ? [] : ['subject']), ...(bodyText || bodyHtml.includes('<img') ? [] : ['body'])];
  if (blank.length > 0) throw badRequest('Required fields are empty', blank);

  const requesterId = input.requesterId ?? actor.id;
  const { serviceGroupId } = await validateTicketRefs(ctx, {
    categoryId: input.categoryId,
    serviceId: input.serviceId,
    requesterId: input.requesterId,
  });
  const custom = await customValuesForNewTicket(ctx, actor, input, snapshot, options.skipRequiredFields === true);
  const requester = requesterId === actor.id ? actor : await loadActor(ctx.db, requesterId);
  if (!requester) throw badRequest('Unknown requester', ['requesterId']);
  const ownerId = await stickyOwner(ctx, requesterId);
  const groupId = serviceGroupId ?? options.groupId ?? (await findFirstLineGroupId(ctx.db.kysely));
  const channel = input.channel ?? defaultChannel;
  const status = ownerId === null ? 'new' : 'assigned';
  const at = ctx.clock.now().toISOString();
  const priority = input.priority ?? 'normal';
  const sla = await initialSla(
    ctx.db.kysely,
    {
      requester_id: requesterId,
      organization_id: requester.organizationId,
      service_id: input.serviceId ?? null,
      priority,
      status,
      created_at: at,
    },
    {
      cache: policyCacheFor(ctx.db),
      contracts: recentContractsFor(ctx.db),
      pausing: ctx.workflow.current().pausingStatuses(),
    },
  );

  return inTransaction(ctx, async (trx) => {
    const id = await insertTicket(trx, {
      ...sla.values,
      number: await nextTicketNumber(trx, ctx.db.dialect),
      subject,
      status,
      priority,
      type: input.type ?? 'incident',
      channel,
      requester_id: requesterId,
      owner_id: ownerId,
      group_id: groupId,
      category_id: input.categoryId ?? null,
      service_id: input.serviceId ?? null,
      organization_id: requester.organizationId,
      solution: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
      resolved_at: null,
      closed_at: null,
      first_response_at: null,
    });
    const messageId = await insertMessage(trx, {
      ticket_id: id,
      author_id: actor.id,
      kind: options.messageKind ?? (channel === 'phone' ? 'phone' : channel === 'email' ? 'email' : 'reply'),
      visibility: 'public',
      body_html: bodyHtml,
      body_text: bodyText,
      created_at: at,
      ...options.extras,
    });
    await writeCustomChanges(trx, id, custom, actor.id, at, false);
    const wanted = [...new Set(input.attachmentIds ?? [])];
    if ((await linkAttachments(trx, wanted, actor.id, id, messageId)) !== wanted.length) {
      throw badRequest('Some attachments are unknown or already used', ['attachmentIds']);
    }
    await insertHistory(trx, [
      { ticket_id: id, actor_id: actor.id, field: 'status', old_value: null, new_value: status, created_at: at },
      ...(ownerId === null
        ? []
        : [
            {
              ticket_id: id,
              actor_id: null,
              field: 'ownerId',
              old_value: null,
              new_value: String(ownerId),
              created_at: at,
            },
          ]),
    ]);
    await emitMany(
      trx,
      at,
      sla.events.map((event) => ({ ...event, payload: { ...event.payload, ticketId: id } }) as DomainEvent),
    );
    await emit(trx, at, { type: 'ticket.created', payload: { ticketId: id, actorId: actor.id } });
    await options.afterWrite?.(trx, { ticketId: id, messageId });
    return id;
  });
}

/**
 * The custom values a new ticket starts with: what the creator gave (checked against field
 * rules, portal fields counting as intake), then admin defaults. Fields required for the
 * ticket's type that the creator could fill must not stay empty.
 */
async function customValuesForNewTicket(
  ctx: AppContext,
  actor: Actor,
  input: CreateTicketInput,
  snapshot: CustomSnapshot,
  skipRequired: boolean,
): Promise<CustomChange[]> {
  if (snapshot.fields.length === 0) return [];
  const type = input.type ?? 'incident';
  const context = { type, status: 'new' };
  const given = await prepareCustomChanges(ctx, actor, snapshot, input.customFields, {
    context,
    intake: true,
    current: new Map(),
  });
  const all = [...given, ...(await defaultChanges(ctx, snapshot, given))];
  const fillable = (f: CustomField) =>
    (f.portalVisible && can(actor, 'ticket.create')) || fieldAccess(actor, f.name, context) === 'write';
  assertRequired(
    snapshot.fields.filter((f) => !skipRequired && f.requiredForTypes.includes(type) && fillable(f)),
    new Map(all.map((c) => [c.field.id, c.after])),
    'Required fields are empty',
  );
  return all;
}

import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TicketChannel } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf, TICKET_READERS } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { createTicket } from './ticket-create.service.ts';
import { escalateTicket, escalateToVendor } from './ticket-escalate.service.ts';
import { exportTicketsCsv } from './ticket-export.service.ts';
import { addTicketMessage, listTicketMessages } from './ticket-messages.service.ts';
import { getTicket, listTickets, queueCounts, ticketHistory } from './ticket-queries.service.ts';
import { transitionTicket } from './ticket-transition.service.ts';
import { updateTicket } from './ticket-update.service.ts';
import {
  CreateTicketBody,
  EscalateBody,
  HistorySchema,
  ListTicketsQuery,
  MessageSchema,
  NewMessageBody,
  TicketSchema,
  TransitionBody,
  UpdateTicketBody,
  VendorEscalationBody,
} from './tickets.schemas.ts';

/** Where a new ticket came from when the caller does not say: API, portal, or a logged call. */
function defaultChannel(request: FastifyRequest, requesterId: number | undefined): TicketChannel {
  if (request.headers.authorization?.startsWith('Bearer ')) return 'api';
  return requesterId === undefined || requesterId === actorOf(request).id ? 'portal' : 'phone';
}

/** `status=new,assigned` and `status=new&status=assigned` mean the same. */
async function splitStatusParam(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  const raw = query.status;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  if (values.length > 0) query.status = values.flatMap((v) => String(v).split(',')).filter(Boolean);
}

/** Tickets: queues, the ticket card, conversation, transitions and history. */
export async function ticketsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['tickets'];

  app.post(
    '/tickets',
    {
      config: { permission: 'ticket.create' },
      schema: {
        tags,
        summary: 'Open a ticket (customers for themselves; agents also on behalf of a customer)',
        body: CreateTicketBody,
        response: { 201: TicketSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const channel = defaultChannel(request, request.body.requesterId);
      return reply.status(201).send(await createTicket(ctx, actorOf(request), request.body, channel));
    },
  );

  app.get(
    '/tickets',
    {
      config: { permission: TICKET_READERS },
      preValidation: splitStatusParam,
      schema: {
        tags,
        summary: 'List the tickets you may see',
        querystring: ListTicketsQuery,
        response: {
          200: Type.Object({ items: Type.Array(TicketSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) => listTickets(ctx, actorOf(request), request.query),
  );

  app.get(
    '/tickets/export',
    {
      config: { permission: TICKET_READERS },
      preValidation: splitStatusParam,
      schema: {
        tags,
        summary: 'The listed tickets as CSV (same filters as the list; only fields your role may read)',
        querystring: ListTicketsQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const csv = await exportTicketsCsv(ctx, actorOf(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tickets.csv"')
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    '/tickets/queues',
    {
      config: { permission: 'menu.agent' },
      schema: {
        tags,
        summary: 'Agent queues with counts',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await queueCounts(ctx, actorOf(request)) }),
  );

  app.get(
    '/tickets/:id',
    {
      config: { permission: TICKET_READERS },
      schema: { tags, summary: 'One ticket', params: IdParams, response: { 200: TicketSchema, ...errorResponses } },
    },
    async (request) => getTicket(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    '/tickets/:id',
    {
      config: { permission: TICKET_READERS },
      schema: {
        tags,
        summary: 'Change ticket fields (403 names every field you may not write)',
        params: IdParams,
        body: UpdateTicketBody,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request) => updateTicket(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/tickets/:id/transitions',
    {
      config: { permission: ['ticket.transition', 'ticket.confirm'] },
      schema: {
        tags,
        summary: 'Move a ticket to another status',
        params: IdParams,
        body: TransitionBody,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request) => transitionTicket(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/tickets/:id/escalate',
    {
      config: { permission: 'ticket.escalate' },
      schema: {
        tags,
        summary: 'Hand the ticket to the next support line (or a chosen group) with a reason',
        params: IdParams,
        body: EscalateBody,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request) => escalateTicket(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/tickets/:id/escalate-vendor',
    {
      config: { permission: 'ticket.escalate.vendor' },
      schema: {
        tags,
        summary: "Escalate to an outside vendor: records the vendor's reference and due date; status waiting_vendor",
        params: IdParams,
        body: VendorEscalationBody,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request) => escalateToVendor(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/tickets/:id/messages',
    {
      config: { permission: TICKET_READERS },
      schema: {
        tags,
        summary: 'The conversation (internal notes only for staff)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(MessageSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTicketMessages(ctx, actorOf(request), request.params.id) }),
  );

  app.post(
    '/tickets/:id/messages',
    {
      config: { permission: ['ticket.reply', 'ticket.note.write', 'ticket.phone.write'] },
      schema: {
        tags,
        summary: 'Add a public reply, an internal note or a phone entry',
        params: IdParams,
        body: NewMessageBody,
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTicketMessage(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/tickets/:id/history',
    {
      config: { permission: TICKET_READERS },
      schema: {
        tags,
        summary: 'Every recorded change of the ticket',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await ticketHistory(ctx, actorOf(request), request.params.id) }),
  );
}

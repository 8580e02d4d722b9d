import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf, TICKET_READERS } from '../auth/auth.plugin.ts';
import { ErrorBody, errorResponses, IdParams } from '../shared.schemas.ts';
import {
  changeMailAccount,
  createMailAccount,
  listMailAccounts,
  removeMailAccount,
  testMailAccount,
} from './accounts.service.ts';
import {
  ConnectionTestSchema,
  MailAccountBody,
  MailAccountSchema,
  OutboundDetailSchema,
  OutboundListQuery,
  OutboundSchema,
  PollResultSchema,
  ReceiptListQuery,
  ReceiptListSchema,
  ReceiptSchema,
  TicketLinkSchema,
  TicketMailSchema,
} from './mail.schemas.ts';
import {
  getMailReceipt,
  getOutgoingMail,
  listMailReceipts,
  listOutgoingMail,
  mailStatus,
  rawMailReceipt,
  resendOutgoingMail,
} from './mail-admin.service.ts';
import { pollAccountNow } from './mail-poll.service.ts';
import { ticketLinks, ticketMailStatus } from './mail-ticket.service.ts';
import { retryReceipt } from './receipts.service.ts';

const NoContent = { 204: Type.Null(), ...errorResponses };

/** Mail administration: accounts, the inbound log with retries, the outgoing log (dev mailbox). */
export async function mailAdminRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['mail'];
  const config = { permission: 'admin.mail.manage' } as const;

  app.get(
    '/mail/status',
    {
      config,
      schema: {
        tags,
        summary: 'How mail moves here: SMTP or the dev mailbox, the From, the SMTP listener, the poll interval',
        response: {
          200: Type.Object({
            transport: Type.Union([Type.Literal('smtp'), Type.Literal('dev')]),
            from: Type.String(),
            smtpListenerPort: Type.Union([Type.Integer(), Type.Null()]),
            pollSeconds: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => mailStatus(ctx, actorOf(request)),
  );
  app.get(
    '/mail/accounts',
    {
      config,
      schema: { tags, summary: 'Mail accounts', response: { 200: Type.Array(MailAccountSchema), ...errorResponses } },
    },
    async (request) => listMailAccounts(ctx, actorOf(request)),
  );
  app.post(
    '/mail/accounts',
    {
      config,
      schema: {
        tags,
        summary: 'Add a mail account (IMAP polled, or inbound for the SMTP listener and pipe)',
        body: MailAccountBody,
        response: { 201: MailAccountSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createMailAccount(ctx, actorOf(request), request.body)),
  );
  app.put(
    '/mail/accounts/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a mail account (omit the password to keep it)',
        params: IdParams,
        body: MailAccountBody,
        response: { 200: MailAccountSchema, ...errorResponses },
      },
    },
    async (request) => changeMailAccount(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/mail/accounts/:id',
    { config, schema: { tags, summary: 'Delete a mail account', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await removeMailAccount(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/mail/accounts/:id/test',
    {
      config,
      schema: {
        tags,
        summary: 'Log in to an IMAP account and check its folder',
        params: IdParams,
        response: { 200: ConnectionTestSchema, ...errorResponses },
      },
    },
    async (request) => testMailAccount(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/mail/accounts/:id/poll',
    {
      config,
      schema: {
        tags,
        summary: 'Fetch new mail from an IMAP account now',
        params: IdParams,
        response: { 200: PollResultSchema, ...errorResponses },
      },
    },
    async (request) => pollAccountNow(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/mail/receipts',
    {
      config,
      schema: {
        tags,
        summary: 'Inbound mail log, newest first (failed ones can be retried)',
        querystring: ReceiptListQuery,
        response: { 200: ReceiptListSchema, ...errorResponses },
      },
    },
    async (request) => listMailReceipts(ctx, actorOf(request), request.query),
  );
  app.get(
    '/mail/receipts/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One inbound mail',
        params: IdParams,
        response: { 200: ReceiptSchema, ...errorResponses },
      },
    },
    async (request) => getMailReceipt(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/mail/receipts/:id/raw',
    {
      config,
      schema: {
        tags,
        summary: 'The message exactly as received (message/rfc822); 410 once MAIL_RAW_RETENTION_DAYS removed it',
        params: IdParams,
        response: { 200: Type.Unknown({ description: 'The raw message' }), ...errorResponses, 410: ErrorBody },
      },
    },
    async (request, reply) => {
      const raw = await rawMailReceipt(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="receipt-${request.params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .send(raw);
    },
  );
  app.post(
    '/mail/receipts/:id/retry',
    { config, schema: { tags, summary: 'Process a failed inbound mail again', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await retryReceipt(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/mail/outbound',
    {
      config,
      schema: {
        tags,
        summary: 'Outgoing mail log and dev mailbox, newest first',
        querystring: OutboundListQuery,
        response: { 200: Type.Array(OutboundSchema), ...errorResponses },
      },
    },
    async (request) => listOutgoingMail(ctx, actorOf(request), request.query),
  );
  app.get(
    '/mail/outbound/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One outgoing mail with its body and thread headers',
        params: IdParams,
        response: { 200: OutboundDetailSchema, ...errorResponses },
      },
    },
    async (request) => getOutgoingMail(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/mail/outbound/:id/resend',
    {
      config,
      schema: {
        tags,
        summary: 'Send a failed, suppressed or bounced mail again',
        params: IdParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await resendOutgoingMail(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** The mail side of a ticket: deliveries and bounces (agents), linked tickets (readers). */
export async function ticketMailRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['tickets'];
  app.get(
    '/tickets/:id/mail',
    {
      config: { permission: 'menu.agent' },
      schema: {
        tags,
        summary: 'CC addresses, bouncing addresses and the mail sent about a ticket',
        params: IdParams,
        response: { 200: TicketMailSchema, ...errorResponses },
      },
    },
    async (request) => ticketMailStatus(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/tickets/:id/links',
    {
      config: { permission: TICKET_READERS },
      schema: {
        tags,
        summary: 'Tickets linked to this one that you may read',
        params: IdParams,
        response: { 200: Type.Array(TicketLinkSchema), ...errorResponses },
      },
    },
    async (request) => ticketLinks(ctx, actorOf(request), request.params.id),
  );
}

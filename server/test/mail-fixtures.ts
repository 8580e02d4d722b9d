import { randomUUID } from 'node:crypto';
import { storeReceipt } from '../modules/mail/receipts.service.ts';
import type { TestApp } from './harness.ts';

export interface RawMailOptions {
  from: string;
  to?: string;
  cc?: string;
  subject: string;
  body?: string;
  html?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer; contentId?: string }[];
}

/** Builds an RFC 5322 message (UTF-8, quoted-printable free: 8bit) for tests. */
export function rawMail(options: RawMailOptions): Buffer {
  const messageId = options.messageId === undefined ? `${randomUUID()}@customer.test` : options.messageId;
  const lines = [
    `From: ${options.from}`,
    `To: ${options.to ?? 'support@frontdesk.test'}`,
    ...(options.cc ? [`Cc: ${options.cc}`] : []),
    `Subject: =?UTF-8?B?${Buffer.from(options.subject).toString('base64')}?=`,
    'Date: Mon, 02 Mar 2026 09:00:00 +0000',
    ...(messageId ? [`Message-ID: <${messageId}>`] : []),
    ...(options.inReplyTo ? [`In-Reply-To: <${options.inReplyTo}>`] : []),
    ...(options.references ? [`References: ${options.references}`] : []),
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
  ];
  const boundary = `b-${randomUUID()}`;
  const textPart = options.html
    ? ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', options.html]
    : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', options.body ?? ''];
  if (!options.attachments?.length) return Buffer.from([...lines, ...textPart, ''].join('\r\n'));
  const parts = [...lines, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, ...textPart];
  for (const a of options.attachments) {
    parts.push(
      `--${boundary}`,
      `Content-Type: ${a.contentType}; name="${a.filename}"`,
      `Content-Disposition: ${a.contentId ? 'inline' : 'attachment'}; filename="${a.filename}"`,
      ...(a.contentId ? [`Content-ID: <${a.contentId}>`] : []),
      'Content-Transfer-Encoding: base64',
      '',
      a.content.toString('base64'),
    );
  }
  parts.push(`--${boundary}--`, '');
  return Buffer.from(parts.join('\r\n'));
}

/** Stores a raw message as a pipe delivery and lets the worker file it; returns the receipt id. */
export async function deliver(t: TestApp, raw: Buffer): Promise<number> {
  const { receiptId } = await storeReceipt(t.ctx, raw, { kind: 'pipe', accountId: null, ref: null });
  await t.ctx.worker.drain();
  return receiptId;
}

/** A receipt row without its raw bytes. */
export async function receiptOf(t: TestApp, id: number) {
  return t.ctx.db.kysely
    .selectFrom('mail_receipts')
    .select(['id', 'status', 'outcome', 'error', 'ticket_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Tickets requested by a user, oldest first. */
export async function ticketsOf(t: TestApp, email: string) {
  return t.ctx.db.kysely
    .selectFrom('tickets')
    .innerJoin('users', 'users.id', 'tickets.requester_id')
    .select(['tickets.id', 'tickets.number', 'tickets.subject', 'tickets.status', 'tickets.channel'])
    .where('users.email', '=', email)
    .orderBy('tickets.id')
    .execute();
}

/** The messages of a ticket, oldest first, with the mail columns. */
export async function messagesOf(t: TestApp, ticketId: number) {
  return t.ctx.db.kysely
    .selectFrom('ticket_messages')
    .select([
      'id',
      'kind',
      'visibility',
      'body_html',
      'body_text',
      'quoted_html',
      'sender_email',
      'unverified_sender',
      'author_id',
    ])
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

/** Outgoing mail about a ticket, oldest first. */
export async function outboundOf(t: TestApp, ticketId: number) {
  return t.ctx.db.kysely
    .selectFrom('mail_outbound')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

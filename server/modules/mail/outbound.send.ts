import type { AppContext } from '../../context.ts';
import { findAttachmentFiles } from '../tickets/messages.repo.ts';
import { findOutbound, updateOutbound } from './outbound.repo.ts';
import type { OutgoingMail } from './transport.ts';

/** States in which an outgoing mail needs nothing more. */
const FINISHED = new Set(['sent', 'dev', 'suppressed', 'bounced']);

/**
 * Delivers one queued mail. Without SMTP the mail stays in the dev mailbox (`dev`). A failure is
 * recorded on the row (visible on the ticket) and rethrown, so the outbox retries with backoff.
 * Automatic mail carries `Auto-Submitted: auto-generated` so other systems do not answer it.
 */
export async function deliverOutbound(ctx: AppContext, outboundId: number): Promise<void> {
  const row = await findOutbound(ctx.db.kysely, outboundId);
  if (!row || FINISHED.has(row.status)) return;
  const at = () => ctx.clock.now().toISOString();
  if (ctx.mailTransport.kind === 'dev') {
    await updateOutbound(ctx.db.kysely, row.id, { status: 'dev', sent_at: at(), last_error: null });
    return;
  }
  const attachments: OutgoingMail['attachments'] = [];
  for (const f of await findAttachmentFiles(ctx.db.kysely, JSON.parse(row.attachment_ids) as number[])) {
    attachments.push({ filename: f.filename, contentType: f.content_type, content: await ctx.storage.get(f.sha256) });
  }
  const headers: Record<string, string> = {};
  if (row.automatic === 1) {
    headers['Auto-Submitted'] = 'auto-generated';
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  if (row.ticket_id !== null) headers['X-Frontdesk-Ticket'] = String(row.ticket_id);
  try {
    await ctx.mailTransport.send({
      from: ctx.config.mailFrom,
      to: row.to_address,
      cc: JSON.parse(row.cc) as string[],
      subject: row.subject,
      messageId: row.message_id,
      inReplyTo: row.in_reply_to,
      references: row.thread_references ? row.thread_references.split(' ') : [],
      html: row.body_html,
      text: row.body_text,
      headers,
      attachments,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updateOutbound(ctx.db.kysely, row.id, {
      status: 'failed',
      attempts: row.attempts + 1,
      last_error: message.slice(0, 2000),
    });
    throw error;
  }
  await updateOutbound(ctx.db.kysely, row.id, {
    status: 'sent',
    attempts: row.attempts + 1,
    sent_at: at(),
    last_error: null,
  });
}

import type { AppContext } from '../../context.ts';
import { AlreadyFiled } from './intake-write.ts';
import type { ParsedMail } from './mail.model.ts';
import { findOutboundByMessageIds, markOutboundBounced } from './outbound.repo.ts';
import { finishReceipt } from './receipts.repo.ts';
import { markBouncing } from './threads.repo.ts';

/** Message-IDs mentioned anywhere in a bounce (its text and the returned original's headers). */
function mentionedMessageIds(parsed: ParsedMail): string[] {
  const haystack = [
    parsed.text,
    ...parsed.attachments.map((a) => a.content.subarray(0, 200_000).toString('latin1')),
  ].join('\n');
  return [...new Set([...haystack.matchAll(/<([^<>\s@]{1,200}@[^<>\s@]{1,200})>/g)].map((m) => m[1]))].slice(0, 50);
}

/**
 * Files a mail that must not become a ticket entry: auto-replies, mailing lists, our own mail,
 * and bounces. A bounce marks the failed recipients as bouncing and the outgoing mail it
 * returns as bounced, so agents see it on the ticket. Never answered, never reopens anything.
 */
export async function ignoreMail(
  ctx: AppContext,
  receiptId: number,
  parsed: ParsedMail,
  outcome: string,
  at: string,
): Promise<void> {
  const bounce = outcome === 'bounce';
  const returned = bounce ? mentionedMessageIds(parsed) : [];
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      let ticketId: number | null = null;
      if (bounce) {
        const reason = parsed.automatic.reason ?? parsed.subject.slice(0, 200);
        const sent = await findOutboundByMessageIds(trx, returned);
        const failed = parsed.automatic.failedRecipients.length
          ? parsed.automatic.failedRecipients
          : sent.map((s) => s.to_address);
        await markBouncing(trx, failed, reason, at);
        await markOutboundBounced(
          trx,
          sent.map((s) => s.id),
          reason,
        );
        ticketId = sent[0]?.ticket_id ?? null;
      }
      const filed = await finishReceipt(trx, receiptId, {
        status: 'ignored',
        outcome,
        error: parsed.automatic.reason,
        ticket_id: ticketId,
        processed_at: at,
        from_address: parsed.from?.address ?? null,
        subject: parsed.subject.slice(0, 500),
      });
      if (!filed) throw new AlreadyFiled();
    });
  } catch (error) {
    if (!(error instanceof AlreadyFiled)) throw error;
  }
}

import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { writeNewTicket } from '../tickets/ticket-create.service.ts';
import { addTicketMessage } from '../tickets/ticket-messages.service.ts';
import { transitionTicket } from '../tickets/ticket-transition.service.ts';
import { canReadTicket } from '../tickets/tickets.policy.ts';
import { findTicketById, findTicketByNumber, type TicketRow } from '../tickets/tickets.repo.ts';
import type { ChannelWriteOptions } from '../tickets/write-options.ts';
import { accountAddresses, findAccount, type MailAccountRow } from './accounts.repo.ts';
import { confirmsSolution } from './confirmation.ts';
import { ccCandidates, type MailContent, mailContent, ticketNumberFromSubject } from './intake-content.ts';
import { ignoreMail } from './intake-ignore.ts';
import { AlreadyFiled, addUnverifiedNote, type FilingPlan, filingHook, storeParts } from './intake-write.ts';
import type { ParsedMail } from './mail.model.ts';
import { type MailSender, PermanentMailError, resolveSender } from './mail-sender.ts';
import { findReceiptForFiling, findReceiptRaw, markReceiptFailed } from './receipts.repo.ts';
import { queueReceivedMail } from './received-mail.ts';
import { ccOfTicket, findTicketsByMessageIds } from './threads.repo.ts';

type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findReceiptForFiling>>>;

/** How a sender stands to the ticket their mail threads onto. */
type Standing = 'requester' | 'cc' | 'colleague' | 'agent' | 'stranger';

/**
 * Parses and files one stored mail: a new ticket, a reply on its ticket, a confirmation or
 * rejection of a solution, an internal note, or nothing (auto-replies, bounces, our own mail).
 * Safe to run again: the receipt's status moves in the same transaction as the ticket write.
 * A failure leaves the receipt `failed` with the error; transient ones are retried by the outbox.
 */
export async function processReceipt(ctx: AppContext, receiptId: number): Promise<void> {
  try {
    await fileReceipt(ctx, receiptId);
  } catch (error) {
    await recordFilingFailure(ctx, receiptId, error);
  }
}

/**
 * Files one stored mail, throwing on failure without recording it: the group filing rolls the
 * mail's savepoint back first, then records the failure (`recordFilingFailure`).
 */
export async function fileReceipt(ctx: AppContext, receiptId: number): Promise<void> {
  const receipt = await findReceiptForFiling(ctx.db.kysely, receiptId);
  if (!receipt || receipt.status === 'processed' || receipt.status === 'ignored') return;
  const raw = async () => (await findReceiptRaw(ctx.db.kysely, receiptId)) ?? new Uint8Array();
  await fileMail(ctx, receipt, await ctx.mailParsing.parsedReceipt(receipt.id, raw));
}

/**
 * What a filing failure leaves: nothing when another run filed the mail, else the receipt
 * `failed` with the error; rethrown (so the outbox retries) unless it is permanent.
 */
export async function recordFilingFailure(ctx: AppContext, receiptId: number, error: unknown): Promise<void> {
  if (error instanceof AlreadyFiled) return;
  await markReceiptFailed(ctx.db.kysely, receiptId, error instanceof Error ? error.message : String(error));
  if (error instanceof PermanentMailError) return;
  throw error;
}

/** Our own addresses: the accounts' and the From of outgoing mail. */
async function ownAddresses(ctx: AppContext): Promise<Set<string>> {
  const fromAddress = /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom;
  return new Set([...(await accountAddresses(ctx.db.kysely)), fromAddress.trim().toLowerCase()]);
}

/** The ticket a mail belongs to: by the Message-IDs it answers, else by the tag in its subject. */
async function locateTicket(ctx: AppContext, parsed: ParsedMail): Promise<TicketRow | null> {
  const answered = [...parsed.inReplyTo, ...[...parsed.references].reverse()];
  for (const ticketId of await findTicketsByMessageIds(ctx.db.kysely, answered)) {
    const row = await findTicketById(ctx.db.kysely, ticketId);
    if (row) return row;
  }
  const number = ticketNumberFromSubject(parsed.subject);
  return number === null ? null : ((await findTicketByNumber(ctx.db.kysely, number)) ?? null);
}

async function standingOf(ctx: AppContext, ticket: TicketRow, sender: MailSender): Promise<Standing> {
  if (ticket.requester_id === sender.actor.id) return 'requester';
  if (sender.agent) return 'agent';
  if ((await ccOfTicket(ctx.db.kysely, ticket.id)).includes(sender.actor.email)) return 'cc';
  return canReadTicket(sender.actor, ticket) ? 'colleague' : 'stranger';
}

async function fileMail(ctx: AppContext, receipt: ReceiptRow, parsed: ParsedMail): Promise<void> {
  const at = ctx.clock.now().toISOString();
  if (parsed.automatic.kind !== 'none') return ignoreMail(ctx, receipt.id, parsed, parsed.automatic.kind, at);
  const ours = await ownAddresses(ctx);
  if (parsed.from && ours.has(parsed.from.address)) return ignoreMail(ctx, receipt.id, parsed, 'own_mail', at);
  const ticket = await locateTicket(ctx, parsed);
  const sender = await resolveSender(ctx, parsed.from);
  const account = receipt.account_id === null ? undefined : await findAccount(ctx.db.kysely, receipt.account_id);
  const content = mailContent(parsed, { split: ticket !== null });
  const plan: FilingPlan = {
    receiptId: receipt.id,
    outcome: 'created',
    parsed,
    parts: await storeParts(ctx, content),
    uploaderId: sender.actor.id,
    at,
    cc: ccCandidates(parsed, ours),
  };
  if (!ticket) return createFromMail(ctx, sender.actor, content, plan, account);

  const workflow = ctx.workflow.current();
  const standing = await standingOf(ctx, ticket, sender);
  if (standing === 'stranger') {
    if ((await readSettings(ctx.db)).mailUnverifiedAsNote) {
      return addUnverifiedNote(ctx, ticket.id, sender.actor.id, content, {
        ...plan,
        outcome: 'unverified_note',
        cc: [],
      });
    }
    return createFromMail(ctx, sender.actor, content, {
      ...plan,
      outcome: 'unverified_ticket',
      linkTo: { ticketId: ticket.id, reason: 'unverified_sender' },
    });
  }
  if (workflow.isFinal(ticket.status) && standing !== 'agent') {
    return createFromMail(ctx, sender.actor, content, {
      ...plan,
      outcome: 'follow_up',
      linkTo: { ticketId: ticket.id, reason: 'closed' },
    });
  }
  const options = (outcome: string, extra: Partial<FilingPlan> = {}): ChannelWriteOptions => ({
    messageKind: 'email',
    extras: {
      quoted_html: content.quotedHtml,
      sender_email: parsed.from?.address ?? null,
      receipt_id: receipt.id,
    },
    afterWrite: filingHook({ ...plan, outcome, ...extra }),
  });
  if (standing === 'agent') {
    await addTicketMessage(
      ctx,
      sender.actor,
      ticket.id,
      { body: content.bodyHtml, kind: 'note' },
      { ...options('agent_note', { cc: [] }), verifiedParticipant: true },
    );
    return;
  }
  const cc = standing === 'requester' ? plan.cc : [];
  if (standing === 'requester' && workflow.category(ticket.status) === 'resolved') {
    const confirmed = confirmsSolution(content.visibleText);
    const to = requesterMove(ctx, ticket, confirmed ? 'closed' : 'working');
    if (to) {
      await transitionTicket(
        ctx,
        sender.actor,
        ticket.id,
        { to, comment: content.bodyHtml },
        options(confirmed ? 'confirmed' : 'rejected', { cc }),
      );
      return;
    }
  }
  await addTicketMessage(
    ctx,
    sender.actor,
    ticket.id,
    { body: content.bodyHtml, kind: 'reply' },
    { ...options('appended', { cc }), verifiedParticipant: standing === 'cc' },
  );
}

/** The status a requester's confirmation (closed) or rejection (back to work) leads to, if the workflow has one. */
function requesterMove(ctx: AppContext, ticket: TicketRow, want: 'closed' | 'working'): string | null {
  const workflow = ctx.workflow.current();
  const rule = workflow
    .rulesFor(ticket.type)
    .find(
      (r) =>
        r.from === ticket.status &&
        r.by === 'requester' &&
        (workflow.category(r.to) === 'closed') === (want === 'closed'),
    );
  return rule?.to ?? null;
}

async function createFromMail(
  ctx: AppContext,
  actor: Actor,
  content: MailContent,
  plan: FilingPlan,
  account?: MailAccountRow,
): Promise<void> {
  // Read before the transaction: SQLite has one connection, and the transaction holds it.
  const autoLimitPerHour = (await readSettings(ctx.db)).mailAutoRepliesPerHour;
  const fileHook = filingHook(plan);
  await writeNewTicket(
    ctx,
    actor,
    {
      subject: content.subject,
      body: content.bodyHtml,
      categoryId: account?.category_id ?? undefined,
      serviceId: account?.service_id ?? undefined,
    },
    'email',
    {
      messageKind: 'email',
      extras: {
        quoted_html: content.quotedHtml,
        sender_email: plan.parsed.from?.address ?? null,
        receipt_id: plan.receiptId,
      },
      groupId: account?.group_id ?? null,
      skipRequiredFields: true,
      afterWrite: async (trx, ids) => {
        await fileHook(trx, ids);
        await queueReceivedMail(ctx, trx, ids.ticketId, actor, plan.at, autoLimitPerHour);
      },
    },
  );
}

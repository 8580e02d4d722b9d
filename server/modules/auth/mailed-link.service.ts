import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import { renderMail } from '../mail/outbound.compose.ts';
import { queueMail } from '../mail/outbound.service.ts';
import { textsFor } from '../mail/outbound.texts.ts';
import { readSettings } from '../settings/settings.repo.ts';
import {
  claimMailedLink,
  closeOpenLinksOf,
  findOpenMailedLink,
  insertMailedLink,
  type LinkPurpose,
} from './mailed-link.repo.ts';
import { hashToken, newSecret } from './tokens.ts';

/** What one kind of mailed link looks like: its page, token prefix, lifetime and outbound template. */
interface LinkKind {
  path: string;
  prefix: string;
  validHours: number;
  template: string;
}

/** Both kinds share one table and one mechanism; only these differ (ADR 0025). */
export const LINK_KINDS: Record<LinkPurpose, LinkKind> = {
  reset: { path: '/reset-password', prefix: 'pr_', validHours: 2, template: 'password_reset' },
  confirm_email: { path: '/confirm-email', prefix: 'ec_', validHours: 24, template: 'email_confirmation' },
};

/** The mail around the link, already in the recipient's language. */
export interface LinkMailTexts {
  subject: string;
  intro: string[];
  outro: string[];
  label: string;
  /** Further links after the main one. */
  moreLinks?: { href: string; label: string }[];
  /** Under a rule after the link. */
  footer?: string[];
}

/**
 * Which outgoing mail carries the link, when not the kind's own (the registration notice carries
 * a set-password link): its template, and a dedupe key that lets one such mail through.
 */
export interface LinkMailEnvelope {
  template: string;
  dedupeKey: string;
}

/** A link mail rendered ahead, written by `write` inside the caller's transaction. */
export interface PreparedLinkMail {
  write(trx: Trx, userId: number): Promise<void>;
}

/**
 * Renders a single-use link mail for a user (only the token's SHA-256 is stored) and reads what
 * it needs from the database, so that `write` can run inside a transaction (SQLite has one
 * connection: nothing may read outside the transaction while it is open). `write` inserts the
 * link, expiring after the kind's lifetime, and queues the mail through the outbox like every
 * other, automatic, so the hourly loop guard per address caps how many links one address gets.
 */
export async function prepareLinkMail(
  ctx: AppContext,
  user: { email: string; name: string; locale: string },
  purpose: LinkPurpose,
  texts: LinkMailTexts,
  envelope?: LinkMailEnvelope,
): Promise<PreparedLinkMail> {
  const kind = LINK_KINDS[purpose];
  const token = newSecret(kind.prefix);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const { html, text } = renderMail({
    texts: textsFor(user.locale),
    recipientName: user.name,
    intro: texts.intro,
    outro: texts.outro,
    link: { href: `${ctx.config.publicUrl}${kind.path}?token=${encodeURIComponent(token)}`, label: texts.label },
    moreLinks: texts.moreLinks,
    footer: texts.footer ?? [],
  });
  const limit = (await readSettings(ctx.db)).mailAutoRepliesPerHour;
  return {
    async write(trx, userId) {
      const linkId = await insertMailedLink(trx, {
        user_id: userId,
        purpose,
        token_hash: hashToken(token),
        created_at: at,
        expires_at: new Date(now.getTime() + kind.validHours * 3_600_000).toISOString(),
      });
      await queueMail(
        ctx,
        trx,
        {
          ticketId: null,
          ticketMessageId: null,
          ticketNumber: null,
          dedupeKey: envelope?.dedupeKey ?? `${purpose}:${linkId}`,
          template: envelope?.template ?? kind.template,
          to: user.email,
          cc: [],
          subject: texts.subject,
          html,
          text,
          attachmentIds: [],
          automatic: true,
        },
        at,
        limit,
      );
    },
  };
}

/** Mails a user a single-use link: the link row and the mail in one transaction. */
export async function mailLink(
  ctx: AppContext,
  user: { id: number; email: string; name: string; locale: string },
  purpose: LinkPurpose,
  texts: LinkMailTexts,
): Promise<void> {
  const prepared = await prepareLinkMail(ctx, user, purpose, texts);
  await inTransaction(ctx, (trx) => prepared.write(trx, user.id));
}

/**
 * Uses a mailed link in the caller's transaction: the link itself, and the user's other open
 * links of the same purpose (the newest mail is not the only one that may be clicked, but one
 * use is enough). Returns the user, or null when the token is unknown, used, expired or of
 * another purpose.
 */
export async function redeemLink(trx: Trx, purpose: LinkPurpose, token: string, at: string): Promise<number | null> {
  const userId = await claimMailedLink(trx, purpose, hashToken(token), at);
  if (userId !== null) await closeOpenLinksOf(trx, userId, purpose, at);
  return userId;
}

/**
 * The user of a link that could be used now, without using it: for checks too slow to run inside
 * the transaction that uses it (a password check). Null when unknown, used, expired or of another purpose.
 */
export function findLinkOwner(db: Db, purpose: LinkPurpose, token: string, at: string): Promise<number | null> {
  return findOpenMailedLink(db.kysely, purpose, hashToken(token), at);
}

import { type AppContext, inTransaction } from '../../context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { requireName } from '../../platform/input.ts';
import { renderMail } from '../mail/outbound.compose.ts';
import { hasMailOfTemplateSince } from '../mail/outbound.repo.ts';
import { queueMail } from '../mail/outbound.service.ts';
import { fill, textsFor } from '../mail/outbound.texts.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { findUserById, type UserRow } from '../users/users.repo.ts';
import { createUser, MIN_PASSWORD_LENGTH, normalizeEmail } from '../users/users.service.ts';
import { findCredentialsByEmail } from './auth.repo.ts';
import { prepareAddressConfirmation } from './email-confirmation.service.ts';
import { LINK_KINDS, prepareLinkMail } from './mailed-link.service.ts';
import { hashPassword } from './password.ts';

/** The outgoing mail's template of the notice to an address that already has an account. */
const REGISTRATION_NOTICE = 'registration_notice';

/** At most one notice per address in this time, however often someone registers with it. */
export const NOTICE_INTERVAL_MS = 10 * 60_000;

export interface RegistrationInput {
  email: string;
  password: string;
  name: string;
  locale?: string;
}

/**
 * Self-registration (ADR 0026). Answers the same, with the same work (one password hash), for
 * every well-formed request, so it cannot tell anyone whether an address has an account:
 * - a new address gets an unconfirmed customer account and, in the same transaction, the mail
 *   whose link confirms the address and signs them in (nobody is signed in here);
 * - an address with an active account or contact gets a notice in its owner's language, at most
 *   one per NOTICE_INTERVAL_MS, and nothing about the account changes;
 * - a deactivated account gets nothing.
 * Bad input is refused naming the field before any of this, the same for every address.
 */
export async function register(ctx: AppContext, input: RegistrationInput): Promise<void> {
  const email = normalizeEmail(input.email);
  const name = requireName(input.name)!;
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Password must have at least ${MIN_PASSWORD_LENGTH} characters`, ['password']);
  }
  const existing = await findCredentialsByEmail(ctx.db, email);
  if (existing) {
    // Thrown away: it stands for the hash createUser makes for a new address, so both take as long.
    await hashPassword(input.password);
    if (existing.active === 1) await mailRegistrationNotice(ctx, existing.id, existing.password_hash !== null);
    return;
  }
  // The address is not proven yet: joining its domain's organization waits for a used mailed link.
  const confirmation = await prepareAddressConfirmation(ctx, { email, name, locale: input.locale ?? 'en' });
  try {
    await createUser(
      ctx,
      { ...input, email, name, role: 'customer', joinDomainOrganization: false, emailVerified: false },
      (trx, userId) => confirmation.write(trx, userId),
    );
  } catch (error) {
    // A parallel registration of the address won the race and mailed its link; this one answers the same.
    if (error instanceof AppError && error.code === 'email_taken') return;
    throw error;
  }
}

/**
 * Tells the owner of an address that someone tried to register with it, in their language, and
 * how to get in: sign in or set a new password; a contact created from mail, who has no password,
 * gets a single-use link to set one instead, so only whoever reads the mailbox can take over the
 * requests filed under it. The mail holds nothing the registrant typed. Skipped when one went to
 * the address in the last NOTICE_INTERVAL_MS; the dedupe key (one per interval) holds back a
 * second one from requests racing past that check. The hourly limit of automatic mail applies too.
 */
async function mailRegistrationNotice(ctx: AppContext, userId: number, hasPassword: boolean): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  if (!user) return;
  const now = ctx.clock.now().getTime();
  const since = new Date(now - NOTICE_INTERVAL_MS).toISOString();
  if (await hasMailOfTemplateSince(ctx.db.kysely, user.email, REGISTRATION_NOTICE, since)) return;
  const dedupeKey = `${REGISTRATION_NOTICE}:${user.id}:${Math.floor(now / NOTICE_INTERVAL_MS)}`;
  const texts = textsFor(user.locale);
  if (!hasPassword) {
    const prepared = await prepareLinkMail(
      ctx,
      user,
      'reset',
      {
        subject: texts.noticeSubject,
        intro: [texts.noticeContactBody, fill(texts.noticeContactAction, { hours: LINK_KINDS.reset.validHours })],
        outro: [],
        label: texts.noticeSetPassword,
        footer: [texts.noticeIgnore],
      },
      { template: REGISTRATION_NOTICE, dedupeKey },
    );
    await inTransaction(ctx, (trx) => prepared.write(trx, user.id));
    return;
  }
  await queueAccountNotice(ctx, user, dedupeKey);
}

/** The notice to someone who can sign in: links to sign in and to ask for a new password. */
async function queueAccountNotice(ctx: AppContext, user: UserRow, dedupeKey: string): Promise<void> {
  const texts = textsFor(user.locale);
  const { html, text } = renderMail({
    texts,
    recipientName: user.name,
    intro: [texts.noticeBody],
    outro: [],
    link: { href: `${ctx.config.publicUrl}/login`, label: texts.noticeSignIn },
    moreLinks: [{ href: `${ctx.config.publicUrl}/forgot-password`, label: texts.noticeForgot }],
    footer: [texts.noticeIgnore],
  });
  const limit = (await readSettings(ctx.db)).mailAutoRepliesPerHour;
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, (trx) =>
    queueMail(
      ctx,
      trx,
      {
        ticketId: null,
        ticketMessageId: null,
        ticketNumber: null,
        dedupeKey,
        template: REGISTRATION_NOTICE,
        to: user.email,
        cc: [],
        subject: texts.noticeSubject,
        html,
        text,
        attachmentIds: [],
        automatic: true,
      },
      at,
      limit,
    ),
  );
}

import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { renderMail } from '../mail/outbound.compose.ts';
import { queueMail } from '../mail/outbound.service.ts';
import { fill, textsFor } from '../mail/outbound.texts.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { findUserByEmail } from '../users/users.repo.ts';
import { joinDomainOrganization, MIN_PASSWORD_LENGTH, normalizeEmail } from '../users/users.service.ts';
import { hashPassword } from './password.ts';
import {
  findUsablePasswordReset,
  insertPasswordReset,
  setPasswordEndingSessions,
  usePasswordResetsOf,
} from './password-reset.repo.ts';
import { hashToken, newSecret } from './tokens.ts';

/** How long a reset link works. */
const VALID_HOURS = 2;

/**
 * Sends a link to set a new password, also to contacts created from mail who never had one.
 * Answers the same whether or not the address is known, so it cannot probe accounts; the mail
 * goes through the outbox like every other.
 */
export async function requestPasswordReset(ctx: AppContext, rawEmail: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(rawEmail));
  if (user?.active !== 1) return;
  const token = newSecret('pr_');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const texts = textsFor(user.locale);
  const { html, text } = renderMail({
    texts,
    recipientName: user.name,
    intro: [fill(texts.resetBody, { hours: VALID_HOURS })],
    outro: [texts.resetIgnore],
    link: {
      href: `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
      label: texts.resetSubject,
    },
    footer: [],
  });
  const limit = (await readSettings(ctx.db)).mailAutoRepliesPerHour;
  await inTransaction(ctx, async (trx) => {
    const resetId = await insertPasswordReset(trx, {
      user_id: user.id,
      token_hash: hashToken(token),
      created_at: at,
      expires_at: new Date(now.getTime() + VALID_HOURS * 3_600_000).toISOString(),
    });
    await queueMail(
      ctx,
      trx,
      {
        ticketId: null,
        ticketMessageId: null,
        ticketNumber: null,
        dedupeKey: `reset:${resetId}`,
        template: 'password_reset',
        to: user.email,
        cc: [],
        subject: texts.resetSubject,
        html,
        text,
        attachmentIds: [],
        automatic: true,
      },
      at,
      limit,
    );
  });
}

/** Sets the password from a reset link, once; every session of the user ends. */
export async function confirmPasswordReset(ctx: AppContext, token: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Password must have at least ${MIN_PASSWORD_LENGTH} characters`, ['password']);
  }
  const at = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(password);
  const userId = await inTransaction(ctx, async (trx) => {
    const reset = await findUsablePasswordReset(trx, hashToken(token), at);
    if (!reset) throw badRequest('This link is invalid or has expired; ask for a new one', ['token']);
    // The link is used up, and so are the user's other open links.
    await usePasswordResetsOf(trx, reset.user_id, at);
    await setPasswordEndingSessions(trx, reset.user_id, passwordHash, at);
    return reset.user_id;
  });
  // The link reached the mailbox: a self-registered customer now joins their domain's organization.
  await joinDomainOrganization(ctx, userId);
}

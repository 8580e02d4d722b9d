import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { fill, textsFor } from '../mail/outbound.texts.ts';
import { findUserByEmail } from '../users/users.repo.ts';
import { MIN_PASSWORD_LENGTH, normalizeEmail, proveAddress } from '../users/users.service.ts';
import { LINK_KINDS, mailLink, redeemLink } from './mailed-link.service.ts';
import { hashPassword } from './password.ts';
import { setPasswordEndingSessions } from './password-reset.repo.ts';

/**
 * Sends a link to set a new password, also to contacts created from mail who never had one.
 * Answers the same whether or not the address is known, so it cannot probe accounts; the mail
 * goes through the outbox like every other.
 */
export async function requestPasswordReset(ctx: AppContext, rawEmail: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(rawEmail));
  if (user?.active !== 1) return;
  const texts = textsFor(user.locale);
  await mailLink(ctx, user, 'reset', {
    subject: texts.resetSubject,
    intro: [fill(texts.resetBody, { hours: LINK_KINDS.reset.validHours })],
    outro: [texts.resetIgnore],
    label: texts.resetSubject,
  });
}

/**
 * Sets the password from a reset link, once; every session of the user ends. The link reached
 * the mailbox, so it also proves the address (a self-registered customer joins their domain's
 * organization, see proveAddress).
 */
export async function confirmPasswordReset(ctx: AppContext, token: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Password must have at least ${MIN_PASSWORD_LENGTH} characters`, ['password']);
  }
  const at = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    const userId = await redeemLink(trx, 'reset', token, at);
    if (userId === null) throw badRequest('This link is invalid or has expired; ask for a new one', ['token']);
    await setPasswordEndingSessions(trx, userId, passwordHash, at);
    await proveAddress(trx, userId, at);
  });
}

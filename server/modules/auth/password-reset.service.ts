import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { renderMail } from '../mail/outbound.compose.ts';
import { queueMail } from '../mail/outbound.service.ts';
import { fill, textsFor } from '../mail/outbound.texts.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { findUserByEmail } from '../users/users.repo.ts';
import { MIN_PASSWORD_LENGTH, normalizeEmail } from '../users/users.service.ts';
import { hashPassword } from './password.ts';
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
    const row = await trx
      .insertInto('password_resets')
      .values({
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: at,
        expires_at: new Date(now.getTime() + VALID_HOURS * 3_600_000).toISOString(),
        used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await queueMail(
      ctx,
      trx,
      {
        ticketId: null,
        ticketMessageId: null,
        ticketNumber: null,
        dedupeKey: `reset:${row.id}`,
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
  await inTransaction(ctx, async (trx) => {
    const reset = await trx
      .selectFrom('password_resets')
      .select(['id', 'user_id'])
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (!reset) throw badRequest('This link is invalid or has expired; ask for a new one', ['token']);
    await trx.updateTable('password_resets').set({ used_at: at }).where('id', '=', reset.id).execute();
    // Other open links of the same user stop working too.
    await trx
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('user_id', '=', reset.user_id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: at })
      .where('id', '=', reset.user_id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
  });
}

import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { fill, textsFor } from '../mail/outbound.texts.ts';
import { presentUser } from '../users/users.presenter.ts';
import { findUserById, findUserByIdIn } from '../users/users.repo.ts';
import { proveAddress } from '../users/users.service.ts';
import { openSession, type SessionResult } from './auth.service.ts';
import {
  LINK_KINDS,
  type LinkMailTexts,
  mailLink,
  type PreparedLinkMail,
  prepareLinkMail,
  redeemLink,
} from './mailed-link.service.ts';

/** The confirmation mail's texts in a language. */
function confirmationTexts(locale: string): LinkMailTexts {
  const texts = textsFor(locale);
  return {
    subject: texts.confirmSubject,
    intro: [fill(texts.confirmBody, { hours: LINK_KINDS.confirm_email.validHours }), texts.confirmOrganization],
    outro: [],
    label: texts.confirmAction,
    footer: [texts.confirmIgnore],
  };
}

/**
 * The confirmation mail of a user about to be created, to write in the transaction that
 * creates them (registration: the account and its mail exist together or not at all).
 */
export function prepareAddressConfirmation(
  ctx: AppContext,
  user: { email: string; name: string; locale: string },
): Promise<PreparedLinkMail> {
  return prepareLinkMail(ctx, user, 'confirm_email', confirmationTexts(user.locale));
}

/**
 * Mails the user a link that confirms their address, in their language. Does nothing for an
 * address that is already verified or an inactive account: the caller answers the same either way.
 */
export async function requestAddressConfirmation(ctx: AppContext, userId: number): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  if (user?.active !== 1 || user.email_verified_at !== null) return;
  await mailLink(ctx, user, 'confirm_email', confirmationTexts(user.locale));
}

/** A confirmed address and the session its owner is now signed in with. */
export interface AddressConfirmation extends SessionResult {
  joinedOrganization: boolean;
}

/**
 * Confirms an address with the token from the mailed link, once, and signs its owner in: the
 * link reached the mailbox, which is what registration waited for (ADR 0026). The first proof
 * marks the address verified and joins a self-registered customer to their domain's organization
 * (proveAddress). The link, the proof and the session are one transaction. An unknown, used or
 * expired token, or the link of a deactivated account, is refused naming `token`; nothing changes.
 */
export async function confirmAddress(ctx: AppContext, token: string): Promise<AddressConfirmation> {
  const at = ctx.clock.now().toISOString();
  const done = await inTransaction(ctx, async (trx) => {
    const userId = await redeemLink(trx, 'confirm_email', token, at);
    // A deactivated account may not sign in, so its link must not sign it in either.
    if (userId === null || (await findUserByIdIn(trx, userId))?.active !== 1) {
      throw badRequest('This link is invalid or has expired; ask for a new one', ['token']);
    }
    const { joinedOrganization } = await proveAddress(trx, userId, at);
    return { userId, joinedOrganization, ...(await openSession(ctx, trx, userId)) };
  });
  const { userId, ...rest } = done;
  return { ...rest, user: presentUser((await findUserById(ctx.db, userId))!) };
}

import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { fill, textsFor } from '../mail/outbound.texts.ts';
import { presentUser } from '../users/users.presenter.ts';
import { findUserById } from '../users/users.repo.ts';
import { proveAddress } from '../users/users.service.ts';
import { deleteSessionsOfUser, findCredentialsById } from './auth.repo.ts';
import { openSession, type SessionResult } from './auth.service.ts';
import {
  findLinkOwner,
  LINK_KINDS,
  type LinkMailTexts,
  mailLink,
  type PreparedLinkMail,
  prepareLinkMail,
  redeemLink,
} from './mailed-link.service.ts';
import { verifyPassword } from './password.ts';

/**
 * The confirmation mail's texts in a language. The page of its link asks for the registration's
 * password; whoever got the mail without registering is shown the way to an account of their own.
 */
function confirmationTexts(ctx: AppContext, locale: string): LinkMailTexts {
  const texts = textsFor(locale);
  return {
    subject: texts.confirmSubject,
    intro: [
      fill(texts.confirmBody, { hours: LINK_KINDS.confirm_email.validHours }),
      texts.confirmPassword,
      texts.confirmOrganization,
    ],
    outro: [],
    label: texts.confirmAction,
    moreLinks: [{ href: `${ctx.config.publicUrl}/forgot-password`, label: texts.confirmNotYou }],
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
  return prepareLinkMail(ctx, user, 'confirm_email', confirmationTexts(ctx, user.locale));
}

/**
 * Mails the user a link that confirms their address, in their language. Does nothing for an
 * address that is already verified or an inactive account: the caller answers the same either way.
 */
export async function requestAddressConfirmation(ctx: AppContext, userId: number): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  if (user?.active !== 1 || user.email_verified_at !== null) return;
  await mailLink(ctx, user, 'confirm_email', confirmationTexts(ctx, user.locale));
}

/** A confirmed address and the session its owner is now signed in with. */
export interface AddressConfirmation extends SessionResult {
  joinedOrganization: boolean;
}

const deadLink = () => badRequest('This link is invalid or has expired; ask for a new one', ['token']);
const wrongPassword = () => badRequest('This is not the password chosen at registration', ['password']);

/**
 * Confirms an address with the token from the mailed link and the account's password, once, and
 * signs its owner in. The link proves the mailbox; the password proves that whoever confirms is
 * whoever registered: without it, someone who registered a stranger's address with a password of
 * their own would get the stranger to confirm, and use, an account they can still sign in to
 * (pre-hijacking, ADR 0026 addendum). The first proof marks the address verified and joins a
 * self-registered customer to their domain's organization (proveAddress). The link, the proof,
 * the end of every other session of the account and the new session are one transaction.
 * Refused naming `token` for an unknown, used or expired token or the link of a deactivated
 * account, naming `password` for a wrong one; either way the link stays as it was and nothing changes.
 */
export async function confirmAddress(ctx: AppContext, token: string, password: string): Promise<AddressConfirmation> {
  const at = ctx.clock.now().toISOString();
  // The password is checked (argon2, slow) before the transaction, which then makes sure that
  // the link is still unused and the account unchanged: SQLite has a single connection to hold.
  const ownerId = await findLinkOwner(ctx.db, 'confirm_email', token, at);
  const credentials = ownerId === null ? undefined : await findCredentialsById(ctx.db.kysely, ownerId);
  // A deactivated account may not sign in, so its link must not sign it in either.
  if (credentials?.active !== 1) throw deadLink();
  const checkedHash = credentials.password_hash;
  if (checkedHash === null || !(await verifyPassword(password, checkedHash))) throw wrongPassword();
  const done = await inTransaction(ctx, async (trx) => {
    const userId = await redeemLink(trx, 'confirm_email', token, at);
    const current = userId === credentials.id ? await findCredentialsById(trx, userId) : undefined;
    if (current?.active !== 1) throw deadLink(); // used or deactivated meanwhile
    if (current.password_hash !== checkedHash) throw wrongPassword(); // a reset set another password meanwhile
    const { joinedOrganization } = await proveAddress(trx, current.id, at);
    // Sessions opened before are ended, whoever opened them with the password while unconfirmed.
    await deleteSessionsOfUser(trx, current.id);
    return { userId: current.id, joinedOrganization, ...(await openSession(ctx, trx, current.id)) };
  });
  const { userId, ...rest } = done;
  return { ...rest, user: presentUser((await findUserById(ctx.db, userId))!) };
}

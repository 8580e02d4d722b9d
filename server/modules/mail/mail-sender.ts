import { type Actor, isAgent } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { loadActor } from '../auth/actor.ts';
import { findUserByEmail } from '../users/users.repo.ts';
import { createUser } from '../users/users.service.ts';
import type { MailAddress } from './mail.model.ts';

/** A mail that can never be filed as it is (no sender, a deactivated sender); retrying will not help. */
export class PermanentMailError extends Error {}

// One @ between a local part (a quoted one may hold spaces) and a domain (intranet domains
// have no dot); nothing that could smuggle a second address or a header.
const ADDRESS = /^(?:"[^"\r\n]+"|[^\s@<>()",;:\\]+(?: [^\s@<>()",;:\\]+)*)@[^\s@<>()",;:\\]+$/;

/** True when the string is one mailbox address we can file a sender under and write back to. */
export function isDeliverableAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}

export interface MailSender {
  actor: Actor;
  agent: boolean;
  /** The contact was created by this mail. */
  created: boolean;
}

/**
 * The user behind a From address. Unknown senders become customer contacts without a password
 * (they can set one through the password-reset flow), joined to the organization whose domain
 * matches their address.
 */
export async function resolveSender(ctx: AppContext, from: MailAddress | null): Promise<MailSender> {
  // Broken headers leave stray angle brackets around an otherwise good address.
  const email =
    from?.address
      .trim()
      .replace(/^<+|>+$/g, '')
      .toLowerCase() ?? '';
  if (!from || !isDeliverableAddress(email)) throw new PermanentMailError('The message has no usable sender');
  let created = false;
  let user = await findUserByEmail(ctx.db, email);
  if (!user) {
    const name = from.name.trim().slice(0, 200) || email.split('@')[0];
    try {
      // The From header proves nothing: the address counts as verified once a mailed link is used.
      await createUser(ctx, { email, name, role: 'customer', emailVerified: false });
      created = true;
    } catch (error) {
      // A parallel mail from the same new sender created the contact first.
      if (!(error instanceof AppError && error.code === 'email_taken')) throw error;
    }
    user = await findUserByEmail(ctx.db, email);
  }
  const actor = user ? await loadActor(ctx.db, user.id) : null;
  if (!actor) throw new PermanentMailError(`The sender ${email} is deactivated`);
  return { actor, agent: isAgent(actor), created };
}

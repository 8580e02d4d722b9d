import { type Actor, authorize } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { openSecret } from '../../platform/secret.ts';
import { activeImapAccounts, findAccount, type MailAccountRow, recordPoll } from './accounts.repo.ts';
import { describeImapError, fetchImapMailbox, type ImapAccountSettings } from './imap-source.ts';
import { storeReceipt } from './receipts.service.ts';

/** Messages fetched per account and poll; a big backlog drains over several polls. */
const POLL_BATCH = 500;

/** The imap-source settings of a stored account (password decrypted with the instance secret). */
export function imapSettingsOf(ctx: AppContext, account: MailAccountRow): ImapAccountSettings {
  return {
    host: account.host ?? '',
    port: account.port ?? 993,
    secure: account.tls === 'implicit',
    startTls: account.tls === 'starttls',
    allowSelfSigned: account.allow_self_signed === 1,
    user: account.username ?? '',
    password: account.password_enc ? openSecret(ctx.secret, account.password_enc) : '',
    folder: account.folder,
    afterImport: account.after_import as ImapAccountSettings['afterImport'],
    moveTo: account.move_to ?? undefined,
  };
}

export interface PollResult {
  accountId: number;
  fetched: number;
  acknowledged: number;
  failed: number;
  error: string | null;
}

/** Imports new mail from one IMAP account: each message is stored as a receipt before it is acknowledged. */
export async function pollAccount(ctx: AppContext, account: MailAccountRow): Promise<PollResult> {
  const at = ctx.clock.now().toISOString();
  try {
    const result = await fetchImapMailbox(
      imapSettingsOf(ctx, account),
      async (raw, meta) => {
        await storeReceipt(ctx, raw, { kind: 'imap', accountId: account.id, ref: `${meta.folder}#${meta.uid}` });
      },
      { limit: POLL_BATCH, log: ctx.log },
    );
    await recordPoll(ctx.db.kysely, account.id, at, null);
    return { accountId: account.id, ...result, error: null };
  } catch (error) {
    const message = describeImapError(error);
    await recordPoll(ctx.db.kysely, account.id, at, message);
    ctx.log.warn({ accountId: account.id, err: error }, 'mail account poll failed');
    return { accountId: account.id, fetched: 0, acknowledged: 0, failed: 0, error: message };
  }
}

/** Polls every active IMAP account (the scheduled job). */
export async function pollAllAccounts(ctx: AppContext): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (const account of await activeImapAccounts(ctx.db.kysely)) results.push(await pollAccount(ctx, account));
  return results;
}

/** Polls one IMAP account now (the admin's button). */
export async function pollAccountNow(ctx: AppContext, actor: Actor, id: number): Promise<PollResult> {
  authorize(actor, 'admin.mail.manage');
  const account = await findAccount(ctx.db.kysely, id);
  if (!account) throw notFound('Mail account');
  if (account.kind !== 'imap') throw badRequest('Only IMAP accounts are polled', ['kind']);
  return pollAccount(ctx, account);
}

import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import { readOncePerGroup } from '../../db/group-transaction.ts';
import type { Db } from '../../db/kysely.ts';
import type { MailAccountTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;
export type MailAccountRow = Selectable<MailAccountTable>;

export async function listAccounts(db: Executor): Promise<MailAccountRow[]> {
  return db.selectFrom('mail_accounts').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findAccount(db: Executor, id: number): Promise<MailAccountRow | undefined> {
  return db.selectFrom('mail_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The account whose address or name is `key` (the pipe command's --account, SMTP recipients). */
export async function findAccountByKey(db: Executor, key: string): Promise<MailAccountRow | undefined> {
  const lowered = key.trim().toLowerCase();
  return db
    .selectFrom('mail_accounts')
    .selectAll()
    .where((eb) => eb.or([eb('address', '=', lowered), eb(eb.fn('lower', ['name']), '=', lowered)]))
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertAccount(trx: Executor, values: Insertable<MailAccountTable>): Promise<number> {
  const row = await trx.insertInto('mail_accounts').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccount(trx: Executor, id: number, values: Updateable<MailAccountTable>): Promise<void> {
  await trx.updateTable('mail_accounts').set(values).where('id', '=', id).execute();
}

export async function deleteAccount(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('mail_accounts').where('id', '=', id).execute();
}

/** Active IMAP accounts, for the poller. */
export async function activeImapAccounts(db: Executor): Promise<MailAccountRow[]> {
  return db
    .selectFrom('mail_accounts')
    .selectAll()
    .where('kind', '=', 'imap')
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

/** Addresses of our own mailboxes: mail from them is ours and never becomes a ticket. */
export async function accountAddresses(db: Executor): Promise<string[]> {
  return readOncePerGroup(db, 'mailAccountAddresses', async () => {
    const rows = await db.selectFrom('mail_accounts').select('address').where('address', 'is not', null).execute();
    return rows.map((r) => r.address!).filter(Boolean);
  });
}

export async function recordPoll(db: Executor, id: number, at: string, error: string | null): Promise<void> {
  await db.updateTable('mail_accounts').set({ last_polled_at: at, last_error: error }).where('id', '=', id).execute();
}

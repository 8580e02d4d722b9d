import type { Trx } from '../../context.ts';
import { readOncePerGroup } from '../../db/group-transaction.ts';
import type { Db } from '../../db/kysely.ts';

/** Settings with their defaults; stored values override them. */
export const SETTING_DEFAULTS = {
  /** Days after which a resolved ticket closes itself without confirmation. */
  autoCloseDays: 7,
  /** Give a customer's new ticket to the agent who owned their latest one. */
  stickyOwner: true,
  /** A mail carrying a ticket's tag from someone not on the ticket becomes an internal note flagged
   * "unverified sender" instead of a new linked ticket. */
  mailUnverifiedAsNote: false,
  /** Loop guard: at most this many automatic mails to one address per hour. */
  mailAutoRepliesPerHour: 10,
  /** Notify the person who made a change about their own change (normally they are skipped). */
  notifyActor: false,
} as const;

export type Settings = {
  -readonly [K in keyof typeof SETTING_DEFAULTS]: (typeof SETTING_DEFAULTS)[K] extends boolean ? boolean : number;
};

/** Reads all settings, falling back to defaults for anything not stored. */
export async function readSettings(db: Db): Promise<Settings> {
  return readOncePerGroup(db.kysely, 'settings', () => loadSettings(db));
}

async function loadSettings(db: Db): Promise<Settings> {
  const rows = await db.kysely.selectFrom('settings').select(['key', 'value']).execute();
  const settings: Settings = { ...SETTING_DEFAULTS };
  for (const row of rows) {
    if (row.key in SETTING_DEFAULTS) {
      const key = row.key as keyof Settings;
      const value: unknown = JSON.parse(row.value);
      if (typeof value === typeof SETTING_DEFAULTS[key]) (settings as Record<string, unknown>)[key] = value;
    }
  }
  return settings;
}

/** Stores one setting. */
export async function writeSetting<K extends keyof Settings>(db: Db | Trx, key: K, value: Settings[K]): Promise<void> {
  const executor = 'kysely' in db ? db.kysely : db;
  await executor
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

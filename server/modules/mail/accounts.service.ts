import type { Insertable } from 'kysely';
import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import type { MailAccountTable } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { sealSecret } from '../../platform/secret.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { categoryExists, findService, groupExists } from '../catalog/catalog.repo.ts';
import {
  deleteAccount,
  findAccount,
  findAccountByKey,
  insertAccount,
  listAccounts,
  type MailAccountRow,
  updateAccount,
} from './accounts.repo.ts';
import { testImapConnection } from './imap-source.ts';
import { imapSettingsOf } from './mail-poll.service.ts';
import { isDeliverableAddress } from './mail-sender.ts';

export const ACCOUNT_KINDS = ['imap', 'inbound'] as const;
export const TLS_MODES = ['implicit', 'starttls', 'none'] as const;
export const AFTER_IMPORT = ['mark_seen', 'move', 'delete'] as const;

export interface MailAccountInput {
  name: string;
  kind: (typeof ACCOUNT_KINDS)[number];
  address: string | null;
  host: string | null;
  port: number | null;
  tls: (typeof TLS_MODES)[number];
  allowSelfSigned: boolean;
  username: string | null;
  /** Omitted or null on update = keep the stored password. */
  password?: string | null;
  folder: string;
  afterImport: (typeof AFTER_IMPORT)[number];
  moveTo: string | null;
  groupId: number | null;
  categoryId: number | null;
  serviceId: number | null;
  active: boolean;
}

/** What admins see: never the password, only whether one is stored. */
export interface MailAccountView extends Omit<MailAccountInput, 'password'> {
  id: number;
  hasPassword: boolean;
  lastPolledAt: string | null;
  lastError: string | null;
}

const PERMISSION = 'admin.mail.manage';

function present(row: MailAccountRow): MailAccountView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as MailAccountView['kind'],
    address: row.address,
    host: row.host,
    port: row.port,
    tls: row.tls as MailAccountView['tls'],
    allowSelfSigned: row.allow_self_signed === 1,
    username: row.username,
    hasPassword: row.password_enc !== null,
    folder: row.folder,
    afterImport: row.after_import as MailAccountView['afterImport'],
    moveTo: row.move_to,
    groupId: row.group_id,
    categoryId: row.category_id,
    serviceId: row.service_id,
    active: row.active === 1,
    lastPolledAt: row.last_polled_at,
    lastError: row.last_error,
  };
}

/** Every check that needs no database, each naming its field. */
function checkShape(input: MailAccountInput, hasStoredPassword: boolean): void {
  const missing: string[] = [];
  if (!input.name.trim()) missing.push('name');
  if (input.address !== null && !isDeliverableAddress(input.address.trim().toLowerCase())) {
    throw badRequest('Not a valid e-mail address', ['address']);
  }
  if (input.kind === 'imap') {
    if (!input.host?.trim()) missing.push('host');
    if (!input.port) missing.push('port');
    if (!input.username?.trim()) missing.push('username');
    if (!input.password && !hasStoredPassword) missing.push('password');
    if (!input.folder.trim()) missing.push('folder');
    if (input.afterImport === 'move' && !input.moveTo?.trim()) missing.push('moveTo');
  }
  if (missing.length > 0) throw badRequest('Required fields are empty', missing);
}

async function checkRefs(ctx: AppContext, input: MailAccountInput, exceptId: number | null): Promise<void> {
  const db = ctx.db.kysely;
  if (input.groupId !== null && !(await groupExists(db, input.groupId))) throw badRequest('Unknown group', ['groupId']);
  if (input.categoryId !== null && !(await categoryExists(db, input.categoryId)))
    throw badRequest('Unknown category', ['categoryId']);
  if (input.serviceId !== null && !(await findService(db, input.serviceId)))
    throw badRequest('Unknown service', ['serviceId']);
  if (input.address) {
    const other = await findAccountByKey(db, input.address);
    if (other && other.id !== exceptId && other.address === input.address.trim().toLowerCase())
      throw conflict('address_taken', 'Another mail account has this address', ['address']);
  }
}

function columns(ctx: AppContext, input: MailAccountInput) {
  return {
    name: input.name.trim(),
    kind: input.kind,
    address: input.address?.trim().toLowerCase() || null,
    host: input.kind === 'imap' ? (input.host?.trim() ?? null) : null,
    port: input.kind === 'imap' ? input.port : null,
    tls: input.tls,
    allow_self_signed: input.allowSelfSigned ? 1 : 0,
    username: input.kind === 'imap' ? (input.username?.trim() ?? null) : null,
    folder: input.folder.trim() || 'INBOX',
    after_import: input.afterImport,
    move_to: input.afterImport === 'move' ? (input.moveTo?.trim() ?? null) : null,
    group_id: input.groupId,
    category_id: input.categoryId,
    service_id: input.serviceId,
    active: input.active ? 1 : 0,
    ...(input.password ? { password_enc: sealSecret(ctx.secret, input.password) } : {}),
  };
}

/** The audit record of an account: everything but the secret. */
function auditable(view: MailAccountView) {
  const { lastPolledAt: _polled, lastError: _error, ...rest } = view;
  return rest;
}

export async function listMailAccounts(ctx: AppContext, actor: Actor): Promise<MailAccountView[]> {
  authorize(actor, PERMISSION);
  return (await listAccounts(ctx.db.kysely)).map(present);
}

export async function createMailAccount(
  ctx: AppContext,
  actor: Actor,
  input: MailAccountInput,
): Promise<MailAccountView> {
  authorize(actor, PERMISSION);
  checkShape(input, false);
  await checkRefs(ctx, input, null);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const values: Insertable<MailAccountTable> = { ...columns(ctx, input), created_at: at, updated_at: at };
    const newId = await insertAccount(trx, values);
    const row = (await findAccount(trx, newId))!;
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'mail_account',
      entityId: newId,
      action: 'create',
      before: null,
      after: auditable(present(row)),
      at,
    });
    return newId;
  });
  return present((await findAccount(ctx.db.kysely, id))!);
}

export async function changeMailAccount(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: MailAccountInput,
): Promise<MailAccountView> {
  authorize(actor, PERMISSION);
  const before = await findAccount(ctx.db.kysely, id);
  if (!before) throw notFound('Mail account');
  checkShape(input, before.password_enc !== null);
  await checkRefs(ctx, input, id);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateAccount(trx, id, { ...columns(ctx, input), updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'mail_account',
      entityId: id,
      action: 'update',
      before: auditable(present(before)),
      after: { ...auditable(present((await findAccount(trx, id))!)), passwordChanged: Boolean(input.password) },
      at,
    });
  });
  return present((await findAccount(ctx.db.kysely, id))!);
}

/** Deletes an account; its receipts stay (their account reference is cleared). */
export async function removeMailAccount(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, PERMISSION);
  const before = await findAccount(ctx.db.kysely, id);
  if (!before) throw notFound('Mail account');
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteAccount(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'mail_account',
      entityId: id,
      action: 'delete',
      before: auditable(present(before)),
      after: null,
      at,
    });
  });
}

/** Logs in to an IMAP account and checks its folder, for the admin's "test connection" button. */
export async function testMailAccount(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, PERMISSION);
  const account = await findAccount(ctx.db.kysely, id);
  if (!account) throw notFound('Mail account');
  if (account.kind !== 'imap') throw badRequest('Only IMAP accounts can be tested', ['kind']);
  return testImapConnection(imapSettingsOf(ctx, account), { timeoutMs: 10_000 });
}

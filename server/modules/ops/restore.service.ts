import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.ts';
import { ensureBaseData } from '../../db/base-data.ts';
import { dialectOf, openDatabase, sqlitePath } from '../../db/kysely.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { ArchiveError, type ExtractedEntry, extractTarGz } from '../../platform/tar.ts';
import {
  ATTACHMENTS_DIR,
  isAttachmentPath,
  listAttachments,
  MANIFEST,
  type Manifest,
  parseManifest,
  SECRET_ENTRY,
  sha256Bytes,
  sha256File,
} from './backup.archive.ts';
import { checkPostgresDump, checkSqliteCopy, replaceDatabase } from './backup.database.ts';
import { listTables } from './backup.repo.ts';

/** A restore that would overwrite data and was not confirmed with --yes. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  manifest: Manifest;
  /** Migrations run after loading the backup (an older backup brought up to date). */
  migrated: string[];
  /** What existed before and was replaced. */
  replaced: string[];
}

/** Extracts and checks everything in the archive; throws a message naming the problem. */
async function openArchive(
  path: string,
  staging: string,
): Promise<{ manifest: Manifest; byName: Map<string, ExtractedEntry> }> {
  const problem = (why: string) => new Error(`${path} is not a Frontdesk backup or is damaged: ${why}.`);
  let entries: ExtractedEntry[];
  try {
    entries = await extractTarGz(path, staging);
  } catch (error) {
    if (error instanceof ArchiveError) throw problem(error.message);
    throw error;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST);
  if (!manifestEntry) throw problem(`it has no ${MANIFEST}`);
  let manifest: Manifest;
  try {
    manifest = parseManifest(await readFile(manifestEntry.path, 'utf8'));
  } catch (error) {
    throw problem((error as Error).message);
  }
  const db = byName.get(manifest.database.entry);
  if (!db) throw problem(`the database copy ${manifest.database.entry} is missing`);
  if (db.size !== manifest.database.size || (await sha256File(db.path)) !== manifest.database.sha256)
    throw problem('the database copy does not match its checksum');
  if (manifest.secret.source === 'file') {
    const secret = byName.get(SECRET_ENTRY);
    if (!secret || sha256Bytes(await readFile(secret.path)) !== manifest.secret.sha256)
      throw problem('the instance secret is missing or does not match its checksum');
  }
  let files = 0;
  for (const entry of entries) {
    if (!entry.name.startsWith(`${ATTACHMENTS_DIR}/`)) continue;
    const relative = entry.name.slice(ATTACHMENTS_DIR.length + 1);
    if (!isAttachmentPath(relative)) throw problem(`unexpected file ${entry.name}`);
    if ((await sha256File(entry.path)) !== relative.slice(6))
      throw problem(`attachment ${relative.slice(6)} is damaged`);
    files += 1;
  }
  if (files !== manifest.attachments.count)
    throw problem(`it holds ${files} attachments where its manifest lists ${manifest.attachments.count}`);
  return { manifest, byName };
}

/** What a restore would overwrite: a database with tables, stored attachments, a different secret. */
async function existingData(config: Config, manifest: Manifest): Promise<string[]> {
  const found: string[] = [];
  const dialect = dialectOf(config.databaseUrl);
  if (dialect === 'postgres' || existsSync(sqlitePath(config.databaseUrl))) {
    const db = openDatabase(config.databaseUrl, { poolSize: 1 });
    try {
      const tables = await listTables(db);
      if (tables.length > 0) found.push(`the database (${tables.length} tables)`);
    } finally {
      await db.close();
    }
  }
  const files = await listAttachments(join(config.dataDir, ATTACHMENTS_DIR));
  if (files.length > 0) found.push(`${files.length} stored attachments`);
  const secretPath = join(config.dataDir, SECRET_ENTRY);
  if (manifest.secret.source === 'file' && existsSync(secretPath)) {
    if (sha256Bytes(await readFile(secretPath)) !== manifest.secret.sha256) found.push('the instance secret');
  }
  return found;
}

/**
 * Restores a backup made by `createBackup` into the configured database and data directory,
 * then runs the migrations so an older backup comes up to date. The whole archive is unpacked
 * and checked (checksums, database integrity) before anything is touched, so a damaged or
 * foreign file changes nothing. Refuses to overwrite existing data unless `yes`.
 * Frontdesk must not be running against the target while it restores.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  options: { yes?: boolean } = {},
): Promise<RestoreResult> {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`No such file: ${path}`);
  await mkdir(config.dataDir, { recursive: true });
  const staging = await mkdtemp(join(config.dataDir, '.restore-'));
  try {
    const { manifest, byName } = await openArchive(path, staging);
    const dialect = dialectOf(config.databaseUrl);
    if (manifest.database.dialect !== dialect)
      throw new Error(
        `${path} holds a ${manifest.database.dialect} database, but DATABASE_URL points at ${dialect}; restore into the same kind of database.`,
      );
    const dbCopy = byName.get(manifest.database.entry)!.path;
    if (dialect === 'sqlite') checkSqliteCopy(dbCopy);
    else await checkPostgresDump(dbCopy);
    const secret = byName.get(SECRET_ENTRY);
    const replaced = await existingData(config, manifest);
    if (replaced.length > 0 && !options.yes)
      throw new RestoreRefused(
        `Restoring would replace existing data: ${replaced.join(', ')}. Stop Frontdesk, then run the restore again with --yes to replace it.`,
      );

    await replaceDatabase(config.databaseUrl, dbCopy);
    const attachments = join(config.dataDir, ATTACHMENTS_DIR);
    const staged = join(staging, ATTACHMENTS_DIR);
    await mkdir(staged, { recursive: true });
    if (existsSync(attachments)) await rename(attachments, join(staging, 'attachments.replaced'));
    await rename(staged, attachments);
    if (secret) await rename(secret.path, join(config.dataDir, SECRET_ENTRY));

    const db = openDatabase(config.databaseUrl, { poolSize: 1 });
    try {
      const migrated = await migrateToLatest(db);
      await ensureBaseData(db, new Date().toISOString());
      return { manifest, migrated, replaced };
    } finally {
      await db.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

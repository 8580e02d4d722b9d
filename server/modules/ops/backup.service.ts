import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config.ts';
import { dialectOf } from '../../db/kysely.ts';
import { TarGzWriter } from '../../platform/tar.ts';
import {
  ATTACHMENTS_DIR,
  databaseEntry,
  FORMAT,
  FORMAT_VERSION,
  listAttachments,
  MANIFEST,
  type Manifest,
  SECRET_ENTRY,
  sha256Bytes,
  sha256File,
} from './backup.archive.ts';
import { dumpDatabase } from './backup.database.ts';

export interface BackupResult {
  path: string;
  size: number;
  manifest: Manifest;
}

/** The default archive name: `frontdesk-backup-20260302-090000.tar.gz` in the working directory. */
function defaultBackupName(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `frontdesk-backup-${stamp}.tar.gz`;
}

/**
 * Writes one `.tar.gz` with the database (online: safe while Frontdesk runs), the stored
 * attachments and the instance secret. The database is copied first: attachments are stored
 * before the rows that name them commit, so every file the copy refers to is on disk by the
 * time the attachments are read. Written under a temporary name and renamed at the end, so a
 * failed backup never leaves a file that looks complete.
 */
export async function createBackup(config: Config, options: { out?: string; now?: Date } = {}): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const out = resolve(options.out ?? defaultBackupName(now));
  if (existsSync(out)) throw new Error(`${out} already exists; choose another --out.`);
  if (!existsSync(dirname(out))) throw new Error(`The directory ${dirname(out)} does not exist.`);
  const dialect = dialectOf(config.databaseUrl);
  const work = await mkdtemp(join(dirname(out), '.frontdesk-backup-'));
  const partial = `${out}.partial`;
  let writer: TarGzWriter | undefined;
  try {
    const dump = join(work, databaseEntry(dialect));
    const { migration } = await dumpDatabase(config.databaseUrl, dump);
    const attachmentsRoot = join(config.dataDir, ATTACHMENTS_DIR);
    const files = await listAttachments(attachmentsRoot);
    const secretPath = join(config.dataDir, SECRET_ENTRY);
    const secret = !config.secretKey && existsSync(secretPath) ? await readFile(secretPath) : null;
    const attachmentBytes = (await Promise.all(files.map((f) => stat(join(attachmentsRoot, f))))).reduce(
      (sum, s) => sum + s.size,
      0,
    );
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: now.toISOString(),
      database: {
        dialect,
        entry: databaseEntry(dialect),
        size: (await stat(dump)).size,
        sha256: await sha256File(dump),
        migration,
      },
      secret: secret
        ? { source: 'file', sha256: sha256Bytes(secret) }
        : { source: config.secretKey ? 'environment' : 'none', sha256: null },
      attachments: { count: files.length, bytes: attachmentBytes },
    };
    writer = new TarGzWriter(partial);
    await writer.buffer(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await writer.file(manifest.database.entry, dump);
    if (secret) await writer.buffer(SECRET_ENTRY, secret);
    await writer.directory(ATTACHMENTS_DIR);
    for (const file of files) await writer.file(`${ATTACHMENTS_DIR}/${file}`, join(attachmentsRoot, file));
    await writer.finish();
    writer = undefined;
    await rename(partial, out);
    return { path: out, size: (await stat(out)).size, manifest };
  } catch (error) {
    await writer?.abort();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

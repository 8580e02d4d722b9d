import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DialectName } from '../../db/kysely.ts';

/** What a backup archive holds and where (ADR 0023). The manifest is the archive's first entry. */
export const MANIFEST = 'frontdesk-backup.json';
export const FORMAT = 'frontdesk-backup';
export const FORMAT_VERSION = 1;
export const SECRET_ENTRY = 'secret.key';
export const ATTACHMENTS_DIR = 'attachments';

export function databaseEntry(dialect: DialectName): string {
  return dialect === 'postgres' ? 'database.pgdump' : 'database.sqlite';
}

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  database: { dialect: DialectName; entry: string; size: number; sha256: string; migration: string | null };
  /** `file`: secret.key is in the archive; `environment`: SECRET_KEY was set, keep it yourself; `none`. */
  secret: { source: 'file' | 'environment' | 'none'; sha256: string | null };
  attachments: { count: number; bytes: number };
}

export function sha256Bytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const HASH = /^[0-9a-f]{64}$/;

/** True for `ab/cd/abcd…` (LocalStorage's layout); anything else (temp files) is not a stored file. */
export function isAttachmentPath(relative: string): boolean {
  const [a, b, name, ...rest] = relative.split('/');
  return rest.length === 0 && !!name && HASH.test(name) && a === name.slice(0, 2) && b === name.slice(2, 4);
}

/** Stored attachment files under `root`, as paths relative to it. */
export async function listAttachments(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .filter(isAttachmentPath)
    .sort();
}

/** Reads and checks a manifest; throws a message saying why the file is not a backup we can use. */
export function parseManifest(text: string): Manifest {
  let value: Partial<Manifest>;
  try {
    value = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw new Error('its manifest is not valid JSON');
  }
  if (value.format !== FORMAT) throw new Error('its manifest is not a Frontdesk backup manifest');
  if (value.version !== FORMAT_VERSION)
    throw new Error(`it has format version ${value.version}; this Frontdesk reads version ${FORMAT_VERSION}`);
  const db = value.database;
  if (!db || (db.dialect !== 'sqlite' && db.dialect !== 'postgres') || db.entry !== databaseEntry(db.dialect))
    throw new Error('its manifest does not describe a database');
  if (!value.secret || !value.attachments) throw new Error('its manifest is incomplete');
  return value as Manifest;
}

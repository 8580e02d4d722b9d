import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'secret.key';

/**
 * The instance secret: `SECRET_KEY` when set (required when several nodes share one database),
 * otherwise a random key generated into the data directory on first start and kept there.
 */
export function loadInstanceSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return createHash('sha256').update(fromEnv).digest();
  const path = join(dataDir, FILE_NAME);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return createHash('sha256').update(readFileSync(path, 'utf8').trim()).digest();
}

/** Encrypts a short secret (a mailbox password) for storage: `v1:<iv>:<tag>:<ciphertext>`, base64 parts. */
export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

/** Decrypts what `sealSecret` produced; throws when the key is wrong or the value was altered. */
export function openSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

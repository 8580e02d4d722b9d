import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Attachment storage addressed by content hash (SHA-256), so identical files are stored
 * once and a stored file can never be silently replaced.
 */
export class LocalStorage {
  readonly #root: string;
  constructor(root: string) {
    this.#root = root;
  }

  #pathFor(sha256: string): string {
    return join(this.#root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Stores bytes and returns their hash; writes via a temp file so readers never see half a file. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.#pathFor(sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(path, '..'), { recursive: true });
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    }
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    return readFile(this.#pathFor(sha256));
  }
}

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';

/**
 * A small ustar reader and writer over gzip, just enough for backups: regular files and
 * directories, streamed so archives may be larger than memory. The output is a plain
 * `.tar.gz` that `tar -tzf` lists (ADR 0023).
 */

const BLOCK = 512;
/** Largest size the 11 octal digits of a ustar header hold; larger sizes use base-256. */
const MAX_OCTAL = 0o77777777777;

/** Thrown when an archive is damaged or is not one we wrote. */
export class ArchiveError extends Error {}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

function tarHeader(name: string, size: number, type: '0' | '5', mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`Archive path too long: ${name}`);
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, 100, 8, type === '5' ? 0o755 : 0o600);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  if (size <= MAX_OCTAL) writeOctal(header, 124, 12, size);
  else {
    // GNU base-256: high bit set in the first byte, big-endian value in the rest.
    header[124] = 0x80;
    header.writeBigUInt64BE(BigInt(size), 128);
  }
  writeOctal(header, 136, 12, Math.floor(mtime.getTime() / 1000));
  header.write('        ', 148, 8, 'ascii');
  header.write(type, 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

/** Writes a gzip-compressed tar archive entry by entry, respecting back-pressure. */
export class TarGzWriter {
  readonly #gzip: Gzip;
  readonly #done: Promise<void>;

  constructor(path: string) {
    this.#gzip = createGzip({ level: 6 });
    this.#done = pipeline(this.#gzip, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    // pipeline's promise is awaited in finish(); keep an early failure from being unhandled.
    this.#done.catch(() => undefined);
  }

  async #write(chunk: Buffer): Promise<void> {
    if (!this.#gzip.write(chunk)) await Promise.race([once(this.#gzip, 'drain'), this.#done]);
  }

  async directory(name: string): Promise<void> {
    await this.#write(tarHeader(name.endsWith('/') ? name : `${name}/`, 0, '5', new Date()));
  }

  /** Adds bytes held in memory (manifest, secret). */
  async buffer(name: string, bytes: Buffer): Promise<void> {
    await this.#write(tarHeader(name, bytes.length, '0', new Date()));
    await this.#write(bytes);
    await this.#pad(bytes.length);
  }

  /** Adds a file from disk; fails when the file changes size while it is read. */
  async file(name: string, path: string): Promise<number> {
    const info = await stat(path);
    await this.#write(tarHeader(name, info.size, '0', info.mtime));
    let written = 0;
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      written += bytes.length;
      if (written > info.size) break;
      await this.#write(bytes);
    }
    if (written !== info.size) throw new Error(`${path} changed while it was being archived`);
    await this.#pad(info.size);
    return info.size;
  }

  async #pad(size: number): Promise<void> {
    const rest = size % BLOCK;
    if (rest) await this.#write(Buffer.alloc(BLOCK - rest));
  }

  /** Writes the end-of-archive blocks and waits until everything is on disk. */
  async finish(): Promise<void> {
    await this.#write(Buffer.alloc(BLOCK * 2));
    this.#gzip.end();
    await this.#done;
  }

  /** Abandons the archive (the caller deletes the partial file). */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    await this.#done.catch(() => undefined);
  }
}

function readOctal(header: Buffer, offset: number, length: number): number {
  if (header[offset]! & 0x80) {
    const value = header.readBigUInt64BE(offset + length - 8);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveError('an entry is too large');
    return Number(value);
  }
  const text = header
    .toString('ascii', offset, offset + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new ArchiveError('not a tar archive (bad header field)');
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === readOctal(header, 148, 8);
}

/** An entry as extracted: its archive name and where its bytes now are. */
export interface ExtractedEntry {
  name: string;
  path: string;
  size: number;
}

/** A relative path that stays inside the target directory, or an error. */
function safeName(raw: string): string {
  const name = normalize(raw).replace(/\/+$/, '');
  if (name === '' || name === '.' || name.startsWith('/') || name.split(sep).includes('..') || name.includes('\0'))
    throw new ArchiveError(`unsafe path ${raw}`);
  return name;
}

/**
 * Extracts a `.tar.gz` into `target`, accepting only regular files and directories with safe
 * relative paths. Fails with ArchiveError on a damaged or truncated archive (gzip CRC, header
 * checksums, missing end blocks), which the caller treats as "refuse, change nothing".
 */
export async function extractTarGz(archive: string, target: string): Promise<ExtractedEntry[]> {
  const entries: ExtractedEntry[] = [];
  let pending: Buffer = Buffer.alloc(0);
  // Held in an object: TypeScript does not see the closure below assign a plain `let`.
  const state: {
    current: { entry: ExtractedEntry; left: number; padding: number; handle: Awaited<ReturnType<typeof open>> } | null;
  } = { current: null };
  let ended = false;

  const consume = async (): Promise<void> => {
    while (!ended) {
      const current = state.current;
      if (current) {
        if (current.left > 0) {
          if (pending.length === 0) return;
          const take = Math.min(current.left, pending.length);
          await current.handle.write(pending.subarray(0, take));
          pending = pending.subarray(take);
          current.left -= take;
          if (current.left > 0) return;
        }
        if (pending.length < current.padding) return;
        pending = pending.subarray(current.padding);
        await current.handle.close();
        entries.push(current.entry);
        state.current = null;
        continue;
      }
      if (pending.length < BLOCK) return;
      const header = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (header.every((byte) => byte === 0)) {
        ended = true;
        return;
      }
      if (!checksumOk(header)) throw new ArchiveError('a tar header checksum does not match');
      const nameEnd = header.indexOf(0, 0);
      const baseName = header.toString('utf8', 0, nameEnd >= 0 && nameEnd < 100 ? nameEnd : 100);
      const prefixEnd = header.indexOf(0, 345);
      const prefix = header.toString('utf8', 345, prefixEnd >= 345 && prefixEnd < 500 ? prefixEnd : 500);
      const name = safeName(prefix ? `${prefix}/${baseName}` : baseName);
      const type = String.fromCharCode(header[156]!);
      const size = readOctal(header, 124, 12);
      if (type === '5') {
        await mkdir(join(target, name), { recursive: true });
        continue;
      }
      if (type !== '0' && type !== '\0') throw new ArchiveError(`unsupported entry type "${type}" for ${name}`);
      const path = join(target, name);
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'wx', 0o600);
      state.current = { entry: { name, path, size }, left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK, handle };
    }
  };

  const gunzip = createGunzip();
  const reading = pipeline(createReadStream(archive), gunzip);
  reading.catch(() => undefined);
  try {
    for await (const chunk of gunzip) {
      // After the end blocks only padding follows; reading on lets gunzip check its CRC.
      if (ended) continue;
      pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
      await consume();
    }
    await reading;
  } catch (error) {
    gunzip.destroy();
    await state.current?.handle.close();
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`gzip: ${(error as Error).message}`);
  }
  if (!ended || state.current) throw new ArchiveError('the archive ends early');
  return entries;
}

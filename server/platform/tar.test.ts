import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ArchiveError, extractTarGz, TarGzWriter } from './tar.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fd-tar-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('writes archives the system tar reads, and reads back what it wrote byte for byte', async () => {
  const big = randomBytes(300_001);
  writeFileSync(join(dir, 'big.bin'), big);
  const archive = join(dir, 'a.tar.gz');
  const writer = new TarGzWriter(archive);
  await writer.buffer('note.txt', Buffer.from('héllo'));
  await writer.directory('files');
  await writer.file('files/ab/big.bin', join(dir, 'big.bin'));
  await writer.finish();

  const out = join(dir, 'system');
  spawnSync('mkdir', [out]);
  expect(spawnSync('tar', ['-xzf', archive, '-C', out]).status).toBe(0);
  expect(readFileSync(join(out, 'files/ab/big.bin')).equals(big)).toBe(true);

  const ours = join(dir, 'ours');
  const entries = await extractTarGz(archive, ours);
  expect(entries.map((e) => [e.name, e.size])).toEqual([
    ['note.txt', 6],
    ['files/ab/big.bin', big.length],
  ]);
  expect(readFileSync(join(ours, 'note.txt'), 'utf8')).toBe('héllo');
  expect(readFileSync(join(ours, 'files/ab/big.bin')).equals(big)).toBe(true);
});

it('refuses entries that would land outside the target directory', async () => {
  writeFileSync(join(dir, 'evil'), 'x');
  const archive = join(dir, 'evil.tar.gz');
  const made = spawnSync('tar', ['-czf', archive, '-P', '--transform', 's,^,../,', 'evil'], { cwd: dir });
  expect(made.status).toBe(0);
  const target = join(dir, 'outer', 'target');
  await expect(extractTarGz(archive, target)).rejects.toThrow(ArchiveError);
  await expect(extractTarGz(archive, target)).rejects.toThrow(/unsafe path \.\.\/evil/);
  expect(existsSync(join(dir, 'outer', 'evil'))).toBe(false);
});

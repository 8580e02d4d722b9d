import type { Config } from '../../config.ts';
import { createBackup } from './backup.service.ts';
import { RestoreRefused, restoreBackup } from './restore.service.ts';

/** Where a command writes: the process's streams, or buffers in tests. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes: 0 done, 1 failed (damaged or foreign file, tool missing, …), 2 refused without --yes. */
export const EXIT = { ok: 0, failed: 1, refused: 2 } as const;

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `frontdesk backup [--out FILE]`: writes the archive and says what is in it; returns the exit code. */
export async function runBackup(config: Config, options: { out?: string }, io: CommandOutput = processOutput) {
  try {
    const { path, size, manifest } = await createBackup(config, { out: options.out });
    const secret = {
      file: 'the instance secret (secret.key)',
      environment: 'no instance secret: SECRET_KEY is set in the environment; keep it with the backup yourself',
      none: 'no instance secret (none was created yet)',
    }[manifest.secret.source];
    io.out(
      `Backup written to ${path} (${humanSize(size)}):\n` +
        `  database: ${manifest.database.dialect}, ${humanSize(manifest.database.size)}, schema ${manifest.database.migration ?? 'empty'}\n` +
        `  attachments: ${manifest.attachments.count} files, ${humanSize(manifest.attachments.bytes)}\n` +
        `  ${secret}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    io.err(`Backup failed: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}

/** `frontdesk restore FILE [--yes]`: restores and migrates; returns the exit code. */
export async function runRestore(
  config: Config,
  file: string,
  options: { yes?: boolean },
  io: CommandOutput = processOutput,
) {
  try {
    const { manifest, migrated, replaced } = await restoreBackup(config, file, options);
    io.out(
      `Restored the backup of ${manifest.createdAt}: database (${manifest.database.dialect}), ` +
        `${manifest.attachments.count} attachments${manifest.secret.source === 'file' ? ', instance secret' : ''}.\n` +
        (replaced.length ? `Replaced: ${replaced.join(', ')}.\n` : '') +
        (migrated.length ? `Brought the schema up to date: ${migrated.join(', ')}.\n` : 'The schema is up to date.\n') +
        (manifest.secret.source === 'environment'
          ? 'The backup was taken with SECRET_KEY set: set the same SECRET_KEY, or stored mailbox passwords cannot be read.\n'
          : ''),
    );
    return EXIT.ok;
  } catch (error) {
    const refused = error instanceof RestoreRefused;
    io.err(`Restore ${refused ? 'refused' : 'failed'}: ${(error as Error).message}\n`);
    return refused ? EXIT.refused : EXIT.failed;
  }
}

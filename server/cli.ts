import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { isEmpty, seedDemo } from './db/seed-demo.ts';
import { prepareDatabase, startServer } from './main.ts';
import { findAccountByKey } from './modules/mail/accounts.repo.ts';
import { storeReceipt } from './modules/mail/receipts.service.ts';
import { runBackup, runRestore } from './modules/ops/backup.cli.ts';
import { progressBar } from './modules/search/progress.ts';
import { REINDEXABLE, reindex } from './modules/search/search-index.service.ts';
import { findUserByEmail } from './modules/users/users.repo.ts';
import { createUser, normalizeEmail, resetPassword } from './modules/users/users.service.ts';
import { AppError } from './platform/errors.ts';

const program = new Command('frontdesk').description('Frontdesk help desk: server and administration');

/** Builds the web app when it has not been built yet, so `npm start` works on a fresh clone. */
function ensureWebBuilt(webDir: string): void {
  if (existsSync(join(webDir, 'index.html'))) return;
  const vite = join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) return;
  process.stdout.write('Building the web app (first start only)…\n');
  execFileSync(vite, ['build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
}

/** Runs `work` with a context on a migrated database, then closes it. */
async function withContext<T>(work: (ctx: Awaited<ReturnType<typeof buildApp>>['ctx']) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await prepareDatabase(config);
  const { app, ctx } = await buildApp({ config, db, logger: false });
  try {
    return await work(ctx);
  } finally {
    await app.close();
    await db.close();
  }
}

program
  .command('start')
  .description('migrate, seed demo data into an empty database, and serve (what `npm start` runs)')
  .action(async () => {
    // The demo start keeps the console readable: logins and the address, warnings and errors.
    const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
    ensureWebBuilt(config.webDir);
    await startServer(config, { seedDemoIfEmpty: true, http: true });
  });

program
  .command('serve')
  .description('migrate and serve HTTP (with the worker unless RUN_WORKER=0)')
  .action(async () => startServer(loadConfig(), { seedDemoIfEmpty: false, http: true }));

program
  .command('worker')
  .description('run only the background worker (no HTTP)')
  .action(async () => startServer(loadConfig(), { seedDemoIfEmpty: false, http: false }));

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const db = await prepareDatabase(loadConfig());
    await db.close();
    process.stdout.write('Database is up to date.\n');
  });

program
  .command('seed')
  .description('load data into the database')
  .option('--demo', 'demo organization, users and tickets')
  .action(async (options: { demo?: boolean }) => {
    if (!options.demo) throw new Error('Say what to seed: --demo');
    await withContext(async (ctx) => {
      if (!(await isEmpty(ctx)))
        throw new Error('The database already has users; demo data goes only into an empty one.');
      const logins = await seedDemo(ctx);
      for (const l of logins) process.stdout.write(`${l.role.padEnd(9)} ${l.email.padEnd(30)} ${l.password}\n`);
    });
  });

const user = program.command('user').description('manage users');
user
  .command('create')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', 'customer, operator, engineer, manager, admin or a custom role key')
  .option('--password <password>', 'at least 8 characters; omit to generate one')
  .action(async (o: { email: string; name: string; role: string; password?: string }) => {
    await withContext(async (ctx) => {
      const created = await createUser(ctx, { email: o.email, name: o.name, role: o.role, password: o.password });
      const password = o.password ?? (await resetPassword(ctx, created.id));
      process.stdout.write(
        `Created ${created.role} ${created.email} (id ${created.id})${o.password ? '' : `, password: ${password}`}\n`,
      );
    });
  });
user
  .command('reset-password')
  .requiredOption('--email <email>')
  .option('--password <password>', 'the new password; omit to generate one')
  .action(async (o: { email: string; password?: string }) => {
    await withContext(async (ctx) => {
      const found = await findUserByEmail(ctx.db, normalizeEmail(o.email));
      if (!found) throw new Error(`No user with e-mail ${o.email}`);
      const password = await resetPassword(ctx, found.id, o.password);
      process.stdout.write(
        `Password of ${found.email} reset${o.password ? '' : `: ${password}`}. Their sessions were ended.\n`,
      );
    });
  });

program
  .command('backup')
  .description('write a .tar.gz with the database, attachments and instance secret (safe while the server runs)')
  .option('--out <file>', 'where to write the archive (default: frontdesk-backup-<UTC time>.tar.gz here)')
  .action(async (o: { out?: string }) => {
    process.exitCode = await runBackup(loadConfig(), o);
  });

program
  .command('restore')
  .description('restore a backup (stop the server first), then bring the schema up to date')
  .argument('<file>', 'the archive written by `frontdesk backup`')
  .option('--yes', 'replace the existing database, attachments and secret')
  .action(async (file: string, o: { yes?: boolean }) => {
    process.exitCode = await runRestore(loadConfig(), file, o);
  });

const mail = program.command('mail').description('the e-mail channel');
mail
  .command('ingest')
  .description('store one message from standard input (an MTA pipe); the worker files it')
  .option('--account <account>', 'the mail account (name or address) the message arrived at')
  .action(async (o: { account?: string }) => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    try {
      await withContext(async (ctx) => {
        const account = o.account ? await findAccountByKey(ctx.db.kysely, o.account) : undefined;
        if (o.account && !account) throw new Error(`No mail account named ${o.account}`);
        const stored = await storeReceipt(ctx, Buffer.concat(chunks), {
          kind: 'pipe',
          accountId: account?.id ?? null,
          ref: null,
        });
        process.stdout.write(`${stored.duplicate ? 'Already stored' : 'Stored'} as receipt ${stored.receiptId}\n`);
      });
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      // EX_DATAERR for a message we will never take (empty, too large): the MTA bounces it.
      // EX_TEMPFAIL otherwise: the MTA keeps the message and tries again later; nothing is lost.
      process.exit(error instanceof AppError && error.status === 400 ? 65 : 75);
    }
  });

const searchCommand = program.command('search').description('the search index');
searchCommand
  .command('reindex')
  .description('rebuild the search index from the tickets and users, in batches (progress on stderr)')
  .option('--type <type>', `only one type: ${REINDEXABLE.join(' or ')}`)
  .action(async (o: { type?: string }) => {
    if (o.type !== undefined && !(REINDEXABLE as readonly string[]).includes(o.type))
      throw new Error(`--type must be one of ${REINDEXABLE.join(', ')}`);
    const types = o.type ? REINDEXABLE.filter((t) => t === o.type) : REINDEXABLE;
    await withContext(async (ctx) => {
      const started = Date.now();
      const counts = await reindex(ctx, types, progressBar(process.stderr));
      const summary = Object.entries(counts).map(([type, n]) => `${n} ${type}`);
      process.stdout.write(`Reindexed ${summary.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { ensureBaseData } from './db/base-data.ts';
import { type Db, openDatabase } from './db/kysely.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isEmpty, seedDemo } from './db/seed-demo.ts';
import { startSmtpListener } from './modules/mail/smtp-listener.ts';

/** Opens the database, brings the schema up to date and makes sure base data exists. */
export async function prepareDatabase(config: Config): Promise<Db> {
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  await ensureBaseData(db, new Date().toISOString());
  return db;
}

/**
 * Starts Frontdesk: database, migrations, optional demo data, HTTP, the worker and live
 * updates; shuts down gracefully on SIGINT/SIGTERM (finishing requests and the job in hand).
 */
export async function startServer(config: Config, options: { seedDemoIfEmpty: boolean; http: boolean }): Promise<void> {
  const db = await prepareDatabase(config);
  const { app, ctx, state } = await buildApp({ config, db });
  if (options.seedDemoIfEmpty && (await isEmpty(ctx))) {
    const logins = await seedDemo(ctx);
    const lines = logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(30)} ${l.password}`);
    process.stdout.write(`\nDemo data created. Log in with:\n${lines.join('\n')}\n\n`);
  }
  if (config.runWorker || !options.http) ctx.worker.start();
  await ctx.realtime.start();
  if (options.http) {
    await app.listen({ port: config.port, host: config.host });
    process.stdout.write(`Frontdesk is running at ${config.publicUrl}\n`);
  }
  const smtp =
    options.http && config.smtpListenPort > 0
      ? await startSmtpListener(ctx, config.smtpListenPort, config.smtpListenHost)
      : null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    state.shuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    // Stop taking mail first; a message in flight gets its 250 or 451 before the listener closes.
    if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

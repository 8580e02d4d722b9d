import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { AppContext } from '../../context.ts';
import { findAccountByKey } from './accounts.repo.ts';
import { storeReceipt } from './receipts.service.ts';

/** An SMTP error the client sees with a code: 5xx permanent, 4xx try again later. */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The inbound SMTP listener for direct delivery (an MTA relaying to Frontdesk, or MX in small
 * setups). It accepts mail only for the addresses of configured mail accounts, stores each
 * message as a receipt and answers 250 only after that commit; a storage failure answers 451
 * so the sending server keeps the message and retries. No AUTH: it receives, it never relays.
 */
export function createSmtpListener(ctx: AppContext): SMTPServer {
  return new SMTPServer({
    name: new URL(ctx.config.publicUrl).hostname || 'frontdesk',
    banner: 'Frontdesk',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: ctx.config.mailMaxBytes,
    logger: false,
    async onRcptTo(address, _session, callback) {
      try {
        const account = await findAccountByKey(ctx.db.kysely, address.address);
        if (!account || account.address !== address.address.toLowerCase() || account.active !== 1) {
          return callback(smtpError(`No mailbox here for ${address.address}`, 550));
        }
        callback();
      } catch (error) {
        ctx.log.warn({ err: error }, 'smtp recipient check failed');
        callback(smtpError('Temporary failure, try again later', 451));
      }
    },
    async onData(stream, session, callback) {
      try {
        const raw = await readAll(stream);
        if (stream.sizeExceeded) return callback(smtpError('Message too large', 552));
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const account = await findAccountByKey(ctx.db.kysely, recipients[0] ?? '');
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        await storeReceipt(ctx, raw, {
          kind: 'smtp',
          accountId: account?.id ?? null,
          ref: `${mailFrom || '<>'} -> ${recipients.join(', ')}`.slice(0, 500),
        });
        callback();
      } catch (error) {
        ctx.log.error({ err: error }, 'smtp message could not be stored');
        callback(smtpError('Temporary failure, try again later', 451));
      }
    },
  });
}

/** Starts the listener on the configured port; resolves once it accepts connections. */
export async function startSmtpListener(ctx: AppContext, port: number, host: string): Promise<SMTPServer> {
  const server = createSmtpListener(ctx);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => ctx.log.error({ err: error }, 'smtp listener error'));
  return server;
}

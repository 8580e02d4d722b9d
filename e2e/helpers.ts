import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, test as base, expect, type Page } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export const DEMO_PASSWORD = 'demo1234';
const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts');
// playwright.config.ts opens the server's SMTP listener on this port and points its SMTP_URL at
// the sink port (each engineer runs on own ports).
const SMTP_LISTEN_PORT = Number(process.env.E2E_SMTP_LISTEN_PORT ?? 3225);
const SMTP_SINK_PORT = Number(process.env.E2E_SMTP_SINK_PORT ?? 3226);

/**
 * Playwright's `test` with one addition: the browser contexts a test opened (`loginAs` opens one per
 * person) are closed when it ends. Left open, every page of every earlier test kept its live
 * event stream and its polling running against the one server for the rest of the run.
 */
export const test = base.extend<{ closeContexts: undefined }>({
  closeContexts: [
    async ({ browser }, use) => {
      await use(undefined);
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
});

/**
 * A short tag unique to one attempt of a test (six digits of the clock), for the names and
 * addresses it creates. CI retries a failed test on the same server, and `--repeat-each` runs it
 * again there: a fixed name would meet the row a first attempt left. Fixed length, so one tag is
 * never part of another and a locator built from it finds only this attempt's row.
 */
export function attemptTag(): string {
  return String(Date.now() % 1_000_000).padStart(6, '0');
}

/** Headers for a write through the page's own session: its CSRF token, read from /api/v1/me. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

/** Saves a full-page screenshot of a main screen as a test artifact (e2e-artifacts/NAME.png). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Let loaders and notifications settle so the picture shows the finished screen.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens a fresh browser context (its own cookies) in the given language and logs in. */
export async function loginAs(
  browser: Browser,
  email: string,
  locale = 'en-US',
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto('/login');
  await page
    .getByLabel(/e-mail|пошта|почта|邮箱|电子邮件/i)
    .first()
    .fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  // Signing in opens /agent or /admin, which move on to the first queue or the users page once
  // their screen has loaded: wait for that, or a click made meanwhile is overtaken by the move.
  await expect(page).not.toHaveURL(/\/login|\/(agent|admin)\/?$/);
  return page;
}

/** The people's mailboxes: a real SMTP server on the sink port that keeps what Frontdesk sends. */
export function startMailbox(): { received: ParsedMail[]; close: () => Promise<void> } {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    async onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      received.push(await simpleParser(Buffer.concat(chunks)));
      callback();
    },
  });
  server.listen(SMTP_SINK_PORT, '127.0.0.1');
  return { received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The mails the mailbox received for an address, oldest first. */
export function mailsTo(mailbox: { received: ParsedMail[] }, email: string): ParsedMail[] {
  return mailbox.received.filter((m) => m.to && 'text' in m.to && m.to.text.includes(email));
}

/**
 * Waits until the mailbox holds `count` mails for the address and returns the path and query of
 * the link to `path` (`/confirm-email`, `/reset-password`) in the last of them.
 */
export async function linkInMail(
  mailbox: { received: ParsedMail[] },
  email: string,
  path: string,
  count: number,
): Promise<string> {
  await expect.poll(() => mailsTo(mailbox, email).length, { timeout: 30_000 }).toBe(count);
  const text = mailsTo(mailbox, email)[count - 1].text ?? '';
  const href = new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s"<>]+`).exec(text)?.[0];
  expect(href, `a ${path} link in the mail to ${email}`).toBeDefined();
  const url = new URL(href!);
  return url.pathname + url.search;
}

/** A mail transport into Frontdesk's SMTP listener (close it when done). */
export function smtpListenerTransport(): Transporter {
  return nodemailer.createTransport({ host: '127.0.0.1', port: SMTP_LISTEN_PORT, secure: false, ignoreTLS: true });
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
// A fresh data directory per run: the server migrates and seeds demo data into it.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'fd-e2e-'));

/**
 * Browser tests in the system Chromium (Debian package `chromium`); Playwright's own browser
 * downloads are not used. Screenshots of each main screen land in e2e-artifacts/.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The longest specs (SLA admin, custom fields) walk many screens and take 40–70 s on a busy 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI absorbs a slow first paint on a busy 2-core machine; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node server/cli.ts start',
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '100',
      // The mail spec sends into the SMTP listener and reads the customer's mailbox (its SMTP sink).
      SMTP_LISTEN_PORT: process.env.E2E_SMTP_LISTEN_PORT ?? '3225',
      SMTP_LISTEN_HOST: '127.0.0.1',
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_SINK_PORT ?? '3226'}`,
      MAIL_FROM: 'Frontdesk <support@frontdesk.example>',
    },
  },
});

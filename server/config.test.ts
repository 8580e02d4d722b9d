import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toMatch(/^sqlite:\/.*data\/frontdesk\.db$/);
    expect(config.runWorker).toBe(true);
  });

  it('takes PostgreSQL from DATABASE_URL and names a bad variable', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

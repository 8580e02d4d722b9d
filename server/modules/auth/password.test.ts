import { describe, expect, it } from 'vitest';
import { hashPassword, temporaryPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with argon2id and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('s3cret-pass');
    const b = await hashPassword('s3cret-pass');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-pass', a)).toBe(true);
    expect(await verifyPassword('s3cret-pasS', a)).toBe(false);
    expect(await verifyPassword('s3cret-pass', 'garbage')).toBe(false);
  });

  it('makes temporary passwords long enough and different each time', () => {
    const one = temporaryPassword();
    expect(one.length).toBeGreaterThanOrEqual(12);
    expect(temporaryPassword()).not.toBe(one);
  });
});

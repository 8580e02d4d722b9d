import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

// OWASP's first recommended argon2id configuration: 19 MiB, 2 passes, 1 lane.
interface Argon2Params {
  memory: number;
  passes: number;
  parallelism: number;
  tagLength: number;
}
const PARAMS: Argon2Params = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 };

function derive(password: string, salt: Buffer, params: Argon2Params): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, ...params }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password into a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a PHC string written by `hashPassword`. */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(phc);
  if (!match) return false;
  const expected = Buffer.from(match[5], 'base64url');
  const key = await derive(password, Buffer.from(match[4], 'base64url'), {
    memory: Number(match[1]),
    passes: Number(match[2]),
    parallelism: Number(match[3]),
    tagLength: expected.length,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A readable random password for resets (about 80 bits). */
export function temporaryPassword(): string {
  return randomBytes(10).toString('base64url');
}

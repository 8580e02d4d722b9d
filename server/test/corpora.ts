import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');

/**
 * The folder of the shared test corpora (`../shared/corpora` beside the checkout). A clone
 * elsewhere finds it through `FRONTDESK_CORPORA` or the workplace's `/work/shared/corpora`.
 * Throws when there is none: the corpus tests must fail, never skip.
 */
export function corporaDir(...parts: string[]): string {
  const candidates = [
    process.env.FRONTDESK_CORPORA,
    join(REPO, '..', 'shared', 'corpora'),
    '/work/shared/corpora',
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(`Test corpora not found (looked in ${candidates.join(', ')}); set FRONTDESK_CORPORA`);
  }
  return join(found, ...parts);
}

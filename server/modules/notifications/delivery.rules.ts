import type { Db } from '../../db/kysely.ts';
import type { RuleIndex } from './cascade.model.ts';
import { buildRuleIndex } from './cascade.ts';
import { loadRulesForEvents, rulesFingerprint } from './delivery.repo.ts';

const cache = new WeakMap<Db, { fingerprint: string; index: RuleIndex }>();

/**
 * The cascade's index of every rule, rebuilt only when the rule table changed (checked by a
 * fingerprint query per call, so every node sees an admin's change on its next event).
 */
export async function currentRuleIndex(db: Db): Promise<RuleIndex> {
  const fingerprint = await rulesFingerprint(db.kysely);
  const cached = cache.get(db);
  if (cached?.fingerprint === fingerprint) return cached.index;
  const index = buildRuleIndex(await loadRulesForEvents(db.kysely));
  cache.set(db, { fingerprint, index });
  return index;
}

import type { Db } from '../../db/kysely.ts';
import type { RuleIndex } from './cascade.model.ts';
import { buildRuleIndex } from './cascade.ts';
import { loadRulesForEvents, rulesFingerprint } from './delivery.repo.ts';

type Executor = Parameters<typeof rulesFingerprint>[0];

const cache = new WeakMap<object, { fingerprint: string; index: RuleIndex }>();

/**
 * The cascade's index of every rule, rebuilt only when the rule table changed (checked by a
 * fingerprint query per call, so every node sees an admin's change on its next event).
 */
export async function currentRuleIndex(db: Db): Promise<RuleIndex> {
  return ruleIndexVia(db.kysely, db);
}

/**
 * The same index read through `executor`, e.g. a transaction the caller holds (on SQLite the
 * outer connection is busy then); cached per `cacheOwner` (the database) by the same fingerprint.
 */
export async function ruleIndexVia(executor: Executor, cacheOwner: object): Promise<RuleIndex> {
  const fingerprint = await rulesFingerprint(executor);
  const cached = cache.get(cacheOwner);
  if (cached?.fingerprint === fingerprint) return cached.index;
  const index = buildRuleIndex(await loadRulesForEvents(executor));
  cache.set(cacheOwner, { fingerprint, index });
  return index;
}

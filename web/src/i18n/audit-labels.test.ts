import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/domain.ts';
import { resources } from './resources.ts';

const MODULES = join(import.meta.dirname, '..', '..', '..', 'server', 'modules');

/** Every `entity: '…'` and `action: '…'` literal the server's audit entries are written with. */
function auditedNames(): { entities: Set<string>; actions: Set<string> } {
  const entities = new Set<string>();
  const actions = new Set<string>();
  for (const file of readdirSync(MODULES, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(join(MODULES, file), 'utf8');
    if (!source.includes('recordAudit')) continue;
    for (const m of source.matchAll(/\bentity: '([a-z_]+)'/g)) entities.add(m[1]);
    for (const m of source.matchAll(/\baction: '([a-z_.]+)'/g)) actions.add(m[1].split('.').pop() ?? m[1]);
    // Written as a choice: `action: status === 'published' ? 'publish' : 'archive'`.
    for (const m of source.matchAll(/\baction: [^,\n]*\? '([a-z_]+)' : '([a-z_]+)'/g)) {
      actions.add(m[1]);
      actions.add(m[2]);
    }
  }
  return { entities, actions };
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

describe('audit log texts', () => {
  const { entities, actions } = auditedNames();

  it('finds the audited names in the server code', () => {
    expect(entities).toContain('kb_article');
    expect(actions).toContain('publish');
  });

  // The audit log names the kind of thing changed and the action in the reader's language, never a raw key.
  for (const locale of LOCALES) {
    it(`${locale}: every audited entity and action has a label`, () => {
      const tree = resources[locale].translation;
      const missing = [
        ...[...entities].map((e) => `admin.audit.entity.${e}`),
        ...[...actions].map((a) => `admin.audit.action.${a}`),
      ].filter((key) => typeof lookup(tree, key) !== 'string');
      expect(missing).toEqual([]);
    });
  }
});

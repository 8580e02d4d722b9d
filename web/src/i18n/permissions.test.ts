import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/domain.ts';
import { PERMISSIONS } from '../../../common/permissions.ts';
import { resources } from './resources.ts';

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

describe('permission texts', () => {
  // The role editor shows every permission of the catalogue with a label and a description.
  for (const locale of LOCALES) {
    it(`${locale}: every permission has a label and a description`, () => {
      const missing = PERMISSIONS.flatMap((name) =>
        ['label', 'description']
          .map((part) => `permission.${name}.${part}`)
          .filter((key) => typeof lookup(resources[locale].translation, key) !== 'string'),
      );
      expect(missing).toEqual([]);
    });
  }
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/domain.ts';

const root = join(import.meta.dirname, 'locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(locale: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(root, locale)).filter((f) => f.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(join(root, locale, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree, file.replace(/\.json$/, ''))) all.set(k, v);
  }
  return all;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = load('en');

  it('has English strings', () => {
    expect(english.size).toBeGreaterThan(50);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: has every key, no empty value, the same placeholders, and is really translated`, () => {
      const strings = load(locale);
      expect([...english.keys()].filter((k) => !strings.has(k))).toEqual([]);
      expect([...strings.keys()].filter((k) => !english.has(k))).toEqual([]);
      expect([...strings].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
      const badPlaceholders = [...english].filter(
        ([k, v]) => placeholders(v).join() !== placeholders(strings.get(k) ?? '').join(),
      );
      expect(badPlaceholders.map(([k]) => k)).toEqual([]);
      // Product names and codes may stay the same; most text must differ from English.
      const same = [...english].filter(([k, v]) => strings.get(k) === v && /[a-z]{4,}/i.test(v));
      expect(same.length / english.size).toBeLessThan(0.05);
    });
  }
});

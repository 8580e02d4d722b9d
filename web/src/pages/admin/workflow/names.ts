import { LOCALES, type Locale } from '../../../../../common/domain.ts';
import type { LocaleNames } from '../../../api/workflow.ts';

/** The status and type key rule of the API. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const KEY_MAX_LENGTH = 40;
export const NAME_MAX_LENGTH = 80;
export const POSITION_MAX = 1000;

/** A name in each language, as the editor's text inputs hold them. */
export type NamesForm = Record<Locale, string>;

export type KeyProblem = 'required' | 'invalid' | 'taken';

/** An admin-given name in the locale, else English, else any; null when there is none. */
export function pickName(names: LocaleNames | undefined, locale: Locale): string | null {
  if (!names) return null;
  const any = LOCALES.map((l) => names[l]).find((name) => name?.trim());
  return names[locale]?.trim() || names.en?.trim() || any?.trim() || null;
}

/**
 * The name to show for a status or type, as the rest of the app shows it: an admin-given name
 * wins, then the built-in translation (`builtIn`), then the bare key rather than nothing.
 */
export function displayName(def: { key: string; names: LocaleNames }, locale: Locale, builtIn?: string): string {
  return pickName(def.names, locale) ?? (builtIn || def.key);
}

/** Names for every language, empty where none is given. */
export function namesForm(names: LocaleNames | undefined): NamesForm {
  return Object.fromEntries(LOCALES.map((locale) => [locale, names?.[locale] ?? ''])) as NamesForm;
}

/** Only the filled-in names, trimmed: what the API stores. */
export function cleanNames(names: NamesForm): Record<string, string> {
  return Object.fromEntries(
    LOCALES.filter((locale) => names[locale].trim()).map((locale) => [locale, names[locale].trim()]),
  );
}

/** A key proposed from a name ("Waiting for parts" → `waiting_for_parts`); '' when nothing fits. */
export function suggestKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, KEY_MAX_LENGTH)
    .replace(/_+$/, '');
  return KEY_PATTERN.test(slug) ? slug : '';
}

/** Why a key for a new entry cannot be used; null when it can. Existing keys would be overwritten. */
export function keyProblem(key: string, existing: readonly string[]): KeyProblem | null {
  const value = key.trim();
  if (!value) return 'required';
  if (!KEY_PATTERN.test(value)) return 'invalid';
  return existing.includes(value) ? 'taken' : null;
}

/** The position after the last entry, so a new one is listed at the end. */
export function nextPosition(items: readonly { position: number }[]): number {
  const last = items.reduce((max, item) => Math.max(max, item.position), -1);
  return Math.min(POSITION_MAX, last + 1);
}

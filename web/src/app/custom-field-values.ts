import { CUSTOM_FIELD_PREFIX, type Locale } from '../../../common/domain.ts';
import type { CustomField, CustomValue, LocaleText } from '../api/customfields.ts';

/**
 * Pure helpers for custom fields: names, texts in the user's language, and values as the
 * inputs, the history and the filters need them. No React or i18next here, so they are testable.
 */

/** `cf.<key>`: the name of a custom field in field rules, history, abilities and errors. */
export const customFieldName = (key: string): string => `${CUSTOM_FIELD_PREFIX}${key}`;

/** The key of a custom field name (`cf.impact` → `impact`), or null for ticket fields. */
export function customFieldKey(name: string): string | null {
  return name.startsWith(CUSTOM_FIELD_PREFIX) ? name.slice(CUSTOM_FIELD_PREFIX.length) : null;
}

/** The text in the given language, falling back to English and then to `fallback`. */
export function localized(text: LocaleText | undefined, locale: Locale, fallback = ''): string {
  return text?.[locale]?.trim() || text?.en?.trim() || fallback;
}

export function fieldLabel(field: CustomField, locale: Locale): string {
  return localized(field.labels, locale, field.key);
}

export function optionLabel(field: CustomField, value: string, locale: Locale): string {
  const option = field.options.find((o) => o.value === value);
  return option ? localized(option.labels, locale, option.value) : value;
}

/** Fields in the order administrators chose (position, then creation). */
export function byPosition(fields: CustomField[]): CustomField[] {
  return [...fields].sort((a, b) => a.position - b.position || a.id - b.id);
}

export function isEmptyValue(value: CustomValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A history value back to the API value: multi-select values are stored as JSON arrays,
 * numbers and booleans as JSON, text as itself.
 */
export function parseHistoryValue(field: CustomField, raw: string | number | null): CustomValue {
  if (raw === null || raw === '') return null;
  if (typeof raw === 'number') return raw;
  switch (field.type) {
    case 'multi_select':
    case 'checkbox':
    case 'number':
    case 'user':
    case 'organization':
    case 'asset':
      try {
        return JSON.parse(raw) as CustomValue;
      } catch {
        return raw;
      }
    default:
      return raw;
  }
}

export interface ValueWords {
  yes: string;
  no: string;
  /** A user's name for user fields, when known. */
  userName?: (id: number) => string | undefined;
}

/** A value as plain text in the user's language ('' when empty). */
export function formatCustomValue(field: CustomField, value: CustomValue, locale: Locale, words: ValueWords): string {
  if (isEmptyValue(value)) return '';
  switch (field.type) {
    case 'checkbox':
      return value === true || value === 'true' ? words.yes : words.no;
    case 'select':
      return optionLabel(field, String(value), locale);
    case 'multi_select':
      return (Array.isArray(value) ? value : [String(value)]).map((v) => optionLabel(field, v, locale)).join(', ');
    case 'user':
      return words.userName?.(Number(value)) ?? `#${value}`;
    case 'organization':
    case 'asset':
      return `#${value}`;
    default:
      return String(value);
  }
}

/** `key:value` for `GET /tickets?cf=`; null unless both are set. */
export function customFilterParam(key: string | null, value: string | null): string | null {
  return key && value ? `${key}:${value}` : null;
}

/** Parses `key:value` back into its parts (the value may contain colons). */
export function parseCustomFilter(param: string | null): { key: string; value: string } | null {
  if (!param) return null;
  const at = param.indexOf(':');
  if (at < 1 || at === param.length - 1) return null;
  return { key: param.slice(0, at), value: param.slice(at + 1) };
}

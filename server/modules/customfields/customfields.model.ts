import { CUSTOM_FIELD_PREFIX, type CustomFieldName, type CustomFieldType, LOCALES } from '../../../common/domain.ts';
import type { CustomFieldRow } from './customfields.repo.ts';

/** A value as the API carries it. */
export type CustomValue = string | number | boolean | string[] | null;

export interface CustomFieldOption {
  value: string;
  labels: Record<string, string>;
}

/** A custom field definition as services and the API see it. */
export interface CustomField {
  id: number;
  key: string;
  name: CustomFieldName;
  type: CustomFieldType;
  labels: Record<string, string>;
  help: Record<string, string>;
  options: CustomFieldOption[];
  requiredForTypes: string[];
  requiredForStatuses: string[];
  defaultValue: CustomValue;
  portalVisible: boolean;
  position: number;
  active: boolean;
}

/** The field-rule name of a custom field. */
export const ruleName = (key: string): CustomFieldName => `${CUSTOM_FIELD_PREFIX}${key}` as CustomFieldName;

/** Keeps only the five product locales of a label map. */
export function localeMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const locale of LOCALES) {
      const text = (value as Record<string, unknown>)[locale];
      if (typeof text === 'string' && text.trim()) out[locale] = text.trim();
    }
  }
  return out;
}

export function toCustomField(row: CustomFieldRow): CustomField {
  return {
    id: row.id,
    key: row.key,
    name: ruleName(row.key),
    type: row.type as CustomFieldType,
    labels: JSON.parse(row.labels) as Record<string, string>,
    help: JSON.parse(row.help) as Record<string, string>,
    options: JSON.parse(row.options) as CustomFieldOption[],
    requiredForTypes: JSON.parse(row.required_types) as string[],
    requiredForStatuses: JSON.parse(row.required_statuses) as string[],
    defaultValue: row.default_value === null ? null : (JSON.parse(row.default_value) as CustomValue),
    portalVisible: row.portal_visible === 1,
    position: row.position,
    active: row.active === 1,
  };
}

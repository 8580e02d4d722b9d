import type { Db } from '../../db/kysely.ts';
import { badRequest } from '../../platform/errors.ts';
import type { CustomField, CustomValue } from './customfields.model.ts';
import { type FieldValueRow, organizationExists, userIsActive } from './customfields.repo.ts';

export interface ValueRow {
  value_text: string | null;
  value_number: number | null;
}

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 20_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: string): ValueRow => ({ value_text: value, value_number: null });
const number = (value: number): ValueRow => ({ value_text: null, value_number: value });

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/**
 * Checks a value against its field's type and turns it into storage rows; empty values
 * (null, '', []) clear the field. A bad value is a 400 naming `customFields.<key>`.
 */
export async function valueToRows(db: Db, field: CustomField, value: CustomValue): Promise<ValueRow[]> {
  const bad = (why: string) => badRequest(`${field.key}: ${why}`, [field.name]);
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  const allowed = new Set(field.options.map((o) => o.value));
  switch (field.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') throw bad('expected text');
      const trimmed = value.trim();
      if (trimmed.length > (field.type === 'text' ? MAX_TEXT : MAX_LONG_TEXT)) throw bad('too long');
      return trimmed ? [text(trimmed)] : [];
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('expected a number');
      return [number(value)];
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) throw bad('expected a date as YYYY-MM-DD');
      return [text(value)];
    case 'checkbox':
      if (typeof value !== 'boolean') throw bad('expected true or false');
      return [text(value ? 'true' : 'false')];
    case 'select':
      if (typeof value !== 'string' || !allowed.has(value)) throw bad('not one of the options');
      return [text(value)];
    case 'multi_select': {
      if (!Array.isArray(value) || value.some((v) => !allowed.has(v))) throw bad('not among the options');
      return [...new Set(value)].map(text);
    }
    case 'user':
    case 'organization':
    case 'asset': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw bad('expected an id');
      if (field.type === 'user' && !(await userIsActive(db.kysely, value))) throw bad('no such active user');
      if (field.type === 'organization' && !(await organizationExists(db.kysely, value)))
        throw bad('no such organization');
      return [number(value)];
    }
  }
}

/** Storage rows back to the API value of a field. */
export function rowsToValue(field: CustomField, rows: FieldValueRow[]): CustomValue {
  if (rows.length === 0) return field.type === 'multi_select' ? [] : null;
  const first = rows[0];
  switch (field.type) {
    case 'number':
    case 'user':
    case 'organization':
    case 'asset':
      return first.value_number;
    case 'checkbox':
      return first.value_text === 'true';
    case 'multi_select':
      return rows.map((r) => r.value_text ?? '');
    default:
      return first.value_text;
  }
}

/** The stored text of a value, for history rows. */
export function valueForHistory(value: CustomValue): string | null {
  if (value === null || (Array.isArray(value) && value.length === 0)) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** True when a field has no value. */
export const isEmptyValue = (value: CustomValue): boolean =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

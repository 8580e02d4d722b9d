import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/customfields.ts';
import {
  byPosition,
  customFieldKey,
  customFilterParam,
  fieldLabel,
  formatCustomValue,
  parseCustomFilter,
  parseHistoryValue,
} from './custom-field-values.ts';

function field(change: Partial<CustomField>): CustomField {
  return {
    id: 1,
    key: 'impact',
    name: 'cf.impact',
    type: 'select',
    labels: { en: 'Impact', ro: 'Impact (ro)' },
    help: {},
    options: [
      { value: 'low', labels: { en: 'Low', ro: 'Scăzut' } },
      { value: 'high', labels: { en: 'High' } },
    ],
    requiredForTypes: [],
    requiredForStatuses: [],
    defaultValue: null,
    portalVisible: true,
    position: 10,
    active: true,
    ...change,
  };
}

const words = { yes: 'Yes', no: 'No' };

describe('custom field values', () => {
  it('labels in the user language, then English, then the key', () => {
    expect(fieldLabel(field({}), 'ro')).toBe('Impact (ro)');
    expect(fieldLabel(field({}), 'zh')).toBe('Impact');
    expect(fieldLabel(field({ labels: {} }), 'zh')).toBe('impact');
  });

  it('tells custom field names from ticket fields', () => {
    expect(customFieldKey('cf.impact')).toBe('impact');
    expect(customFieldKey('priority')).toBeNull();
  });

  it('formats option values by their labels, falling back to English and the value', () => {
    expect(formatCustomValue(field({}), 'low', 'ro', words)).toBe('Scăzut');
    expect(formatCustomValue(field({}), 'high', 'ro', words)).toBe('High');
    expect(formatCustomValue(field({}), 'gone', 'en', words)).toBe('gone');
    expect(formatCustomValue(field({ type: 'checkbox' }), true, 'en', words)).toBe('Yes');
    expect(formatCustomValue(field({ type: 'text' }), null, 'en', words)).toBe('');
  });

  it('reads multi-select history values stored as JSON', () => {
    const multi = field({ type: 'multi_select' });
    const value = parseHistoryValue(multi, '["low","high"]');
    expect(value).toEqual(['low', 'high']);
    expect(formatCustomValue(multi, value, 'en', words)).toBe('Low, High');
    expect(parseHistoryValue(field({ type: 'checkbox' }), 'false')).toBe(false);
    expect(parseHistoryValue(field({ type: 'text' }), '["x"]')).toBe('["x"]');
  });

  it('builds and parses queue filters', () => {
    expect(customFilterParam('impact', 'high')).toBe('impact:high');
    expect(customFilterParam('impact', null)).toBeNull();
    expect(parseCustomFilter('note:a:b')).toEqual({ key: 'note', value: 'a:b' });
    expect(parseCustomFilter('broken')).toBeNull();
  });

  it('orders by position, then by creation', () => {
    const order = byPosition([
      field({ id: 3, position: 5 }),
      field({ id: 2, position: 1 }),
      field({ id: 1, position: 5 }),
    ]);
    expect(order.map((f) => f.id)).toEqual([2, 1, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { TICKET_FIELDS } from '../../../../common/domain.ts';
import type { FieldRules } from '../../api/roles.ts';
import { cleanFieldRules, overrideIndexOf, ruleFields, sameFieldRules } from './field-rules.ts';

describe('field rules in the editor', () => {
  it('fills missing fields as hidden and drops empty type/status lists', () => {
    const clean = cleanFieldRules({
      default: { priority: 'write' },
      overrides: [{ field: 'priority', access: 'read', types: [], statuses: ['resolved'] }],
    });
    expect(Object.keys(clean.default)).toEqual([...TICKET_FIELDS]);
    expect(clean.default.subject).toBe('hidden');
    expect(clean.overrides).toEqual([{ field: 'priority', access: 'read', statuses: ['resolved'] }]);
  });

  it('keeps rules of fields this build does not know (custom fields)', () => {
    const rules: FieldRules = {
      default: { 'cf.asset_tag': 'read' },
      overrides: [{ field: 'cf.cost', access: 'hidden' }],
    };
    expect(ruleFields(rules).slice(TICKET_FIELDS.length)).toEqual(['cf.asset_tag', 'cf.cost']);
    expect(cleanFieldRules(rules).default['cf.asset_tag']).toBe('read');
  });

  it('compares rules regardless of gaps and empty lists', () => {
    const a: FieldRules = { default: { priority: 'write' }, overrides: [{ field: 'type', access: 'read', types: [] }] };
    const b: FieldRules = {
      default: { ...cleanFieldRules(a).default },
      overrides: [{ field: 'type', access: 'read' }],
    };
    expect(sameFieldRules(a, b)).toBe(true);
    expect(sameFieldRules(a, { ...b, default: { ...b.default, priority: 'read' } })).toBe(false);
  });

  it('finds the override a validation path points at', () => {
    expect(overrideIndexOf('fieldRules.overrides.2.types')).toBe(2);
    expect(overrideIndexOf('/fieldRules/overrides/0/field')).toBe(0);
    expect(overrideIndexOf('fieldRules')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { traceMessage } from './trace-text.ts';

const lookups = { category: (id: number) => `group ${id}`, status: (key: string) => `status ${key}`, none: 'none' };

describe('trace messages', () => {
  it('names the other rule and its level', () => {
    expect(traceMessage({ code: 'outranked_level', params: { ruleId: 4, level: 2 } }, lookups)).toEqual({
      key: 'notify.trace.outranked_level',
      values: { ruleId: 4, level: 2, rule: 'none', ticket: 'none' },
    });
  });

  it('names categories and statuses by their display names, and a missing value as none', () => {
    expect(
      traceMessage({ code: 'no_match_category', params: { ruleValue: 3, ticketValue: null } }, lookups).values,
    ).toMatchObject({ rule: 'group 3', ticket: 'none' });
    expect(
      traceMessage({ code: 'no_match_status', params: { ruleValue: 'resolved', ticketValue: 'open' } }, lookups).values,
    ).toMatchObject({ rule: 'status resolved', ticket: 'status open' });
  });
});

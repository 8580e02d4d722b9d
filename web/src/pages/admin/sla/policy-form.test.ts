import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../../api/sla.ts';
import { policyProblems, toPolicyInput, toPolicyValues } from './policy-form.ts';

const policy: SlaPolicy = {
  id: 4,
  name: 'Gold',
  calendarId: 2,
  warnAtPercent: 75,
  isDefault: true,
  targets: {
    low: { firstResponse: null, resolution: 2400 },
    normal: { firstResponse: 240, resolution: 1440 },
    high: { firstResponse: 60, resolution: 480 },
    urgent: { firstResponse: 15, resolution: 245 },
  },
};

describe('the SLA policy editor form', () => {
  it('round-trips a policy through hours and minutes', () => {
    const values = toPolicyValues(policy, 1);
    expect(values.calendarId).toBe('2');
    expect(values.targets.urgent.resolution).toEqual({ hours: 4, minutes: 5 });
    expect(values.targets.low.firstResponse).toEqual({ hours: '', minutes: '' });
    const { id: _, ...input } = policy;
    expect(toPolicyInput(values)).toEqual(input);
  });

  it('starts a new policy on the first calendar with 80 % and no targets', () => {
    const values = toPolicyValues(null, 7);
    expect(values.calendarId).toBe('7');
    expect(values.warnAtPercent).toBe(80);
    expect(toPolicyInput({ ...values, name: ' New ' }).targets.high).toEqual({ firstResponse: null, resolution: null });
    expect(policyProblems(toPolicyValues(null, null))).toEqual({
      name: 'common.required',
      calendarId: 'common.required',
    });
  });

  it('points every problem at its input', () => {
    const values = toPolicyValues(policy, 1);
    values.warnAtPercent = 0;
    values.targets.low.firstResponse = { hours: 0, minutes: 0 };
    values.targets.normal.firstResponse = { hours: 30, minutes: '' };
    values.targets.high.resolution = { hours: 9000, minutes: 0 };
    values.targets.urgent.resolution = { hours: 1, minutes: 75 };
    expect(policyProblems(values)).toEqual({
      warnAtPercent: 'admin.sla.policies.warnRange',
      'targets.low.firstResponse': 'admin.sla.policies.targetPositive',
      'targets.normal.firstResponse': 'admin.sla.policies.firstAfterResolution',
      'targets.high.resolution': 'admin.sla.policies.targetTooLong',
      'targets.urgent.resolution': 'admin.sla.policies.minutesRange',
    });
  });
});

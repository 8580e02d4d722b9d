import { describe, expect, it } from 'vitest';
import { contractValidity, formatDuration, fromParts, localToday, toParts } from './sla-values.ts';
import { timeZoneNames, utcOffset } from './time-zones.ts';

const units = { d: 'd', h: 'h', min: 'min' };

describe('SLA admin values', () => {
  it('turns minutes into hours and minutes and back; empty means no target', () => {
    expect(toParts(null)).toEqual({ hours: '', minutes: '' });
    expect(toParts(1625)).toEqual({ hours: 27, minutes: 5 });
    expect(toParts(240)).toEqual({ hours: 4, minutes: '' });
    expect(toParts(15)).toEqual({ hours: '', minutes: 15 });
    expect(fromParts({ hours: 27, minutes: 5 })).toBe(1625);
    expect(fromParts({ hours: 4, minutes: '' })).toBe(240);
    expect(fromParts({ hours: '', minutes: 30 })).toBe(30);
    expect(fromParts({ hours: '', minutes: '' })).toBeNull();
  });

  it('writes durations in days, hours and minutes', () => {
    expect(formatDuration(1625, units)).toBe('1 d 3 h 5 min');
    expect(formatDuration(2880, units)).toBe('2 d');
    expect(formatDuration(90, units)).toBe('1 h 30 min');
    expect(formatDuration(0, units)).toBe('0 min');
  });

  it('tells whether a contract is valid today (both ends inclusive)', () => {
    expect(contractValidity('2025-01-01', null, '2025-06-01')).toBe('active');
    expect(contractValidity('2025-01-01', '2025-06-01', '2025-06-01')).toBe('active');
    expect(contractValidity('2025-01-01', '2025-05-31', '2025-06-01')).toBe('expired');
    expect(contractValidity('2025-06-02', null, '2025-06-01')).toBe('future');
    expect(localToday(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });

  it('lists time zones under their current names, with UTC and the saved one', () => {
    const names = timeZoneNames('Etc/GMT+3', ['Europe/Kiev', 'Europe/Berlin']);
    expect(names).toEqual(['Etc/GMT+3', 'Europe/Berlin', 'Europe/Kyiv', 'UTC']);
    expect(utcOffset('UTC')).toBe('UTC+00:00');
    expect(utcOffset('Asia/Shanghai')).toBe('UTC+08:00');
  });
});

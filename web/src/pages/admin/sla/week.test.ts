import { describe, expect, it } from 'vitest';
import {
  alwaysOpenWeek,
  emptyWeek,
  hasWorkingTime,
  intervalProblems,
  isAlwaysOpen,
  isRealDate,
  minuteOfDay,
  normalizeWeek,
  officeHoursWeek,
  summarizeWeek,
  weekdayNames,
} from './week.ts';

const names = weekdayNames('en');
const dayName = (day: number) => names[day];

describe('calendar weeks', () => {
  it('reads HH:MM with 24:00 as the end of the day', () => {
    expect(minuteOfDay('09:30')).toBe(570);
    expect(minuteOfDay('24:00')).toBe(1440);
    expect(minuteOfDay('24:30')).toBeNull();
    expect(minuteOfDay('9:30')).toBeNull();
    expect(minuteOfDay('12:60')).toBeNull();
  });

  it('names every problem with a day’s intervals where the server would refuse them', () => {
    expect(
      intervalProblems([
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
        { start: '14:00', end: '14:00' },
        { start: '24:00', end: '24:00' },
        { start: '15:00', end: '25:00' },
        { start: '13:00', end: '24:00' },
      ]),
    ).toEqual([null, 'overlap', 'order', 'startFormat', 'endFormat', null]);
    expect(
      intervalProblems([
        { start: '13:00', end: '18:00' },
        { start: '09:00', end: '13:00' },
      ]),
    ).toEqual([null, null]);
  });

  it('summarizes runs of days with the same hours, Monday first', () => {
    expect(summarizeWeek(officeHoursWeek(), dayName)).toEqual(['Mon–Fri 09:00–18:00']);
    const week = officeHoursWeek();
    week['6'] = [{ start: '10:00', end: '14:00' }];
    week['3'] = [
      { start: '13:00', end: '18:00' },
      { start: '09:00', end: '12:00' },
    ];
    expect(summarizeWeek(week, dayName)).toEqual([
      'Mon–Tue 09:00–18:00',
      'Wed 09:00–12:00, 13:00–18:00',
      'Thu–Fri 09:00–18:00',
      'Sat 10:00–14:00',
    ]);
    expect(summarizeWeek({ '0': [{ start: '08:00', end: '12:00' }] }, dayName)).toEqual(['Sun 08:00–12:00']);
  });

  it('knows the presets, closed weeks and missing days', () => {
    expect(isAlwaysOpen(alwaysOpenWeek())).toBe(true);
    expect(isAlwaysOpen(officeHoursWeek())).toBe(false);
    expect(hasWorkingTime(emptyWeek())).toBe(false);
    expect(hasWorkingTime({ '2': [{ start: '09:00', end: '10:00' }] })).toBe(true);
    expect(Object.keys(normalizeWeek({}))).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(weekdayNames('en', 'long')[1]).toBe('Monday');
    expect(weekdayNames('uk', 'long')[1]).toBe('Понеділок');
  });

  it('accepts only real dates', () => {
    expect(isRealDate('2025-12-25')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('25-12-2025')).toBe(false);
  });
});

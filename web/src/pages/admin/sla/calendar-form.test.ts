import { describe, expect, it } from 'vitest';
import { calendarProblems, toCalendarInput, toCalendarValues } from './calendar-form.ts';
import { emptyWeek, officeHoursWeek } from './week.ts';

describe('the calendar editor form', () => {
  it('sends the week with every day, sorted intervals and holidays by date, without row keys', () => {
    const values = toCalendarValues(null, officeHoursWeek(), 'Europe/Kyiv');
    values.name = ' Kyiv office ';
    values.week['6'].push({ key: 'a', start: '14:00', end: '16:00' }, { key: 'b', start: '10:00', end: '12:00' });
    values.holidays.push(
      { key: 'c', date: '2025-12-25', yearly: true },
      { key: 'd', date: '2025-01-01', yearly: false },
    );
    const input = toCalendarInput(values);
    expect(input.name).toBe('Kyiv office');
    expect(input.timeZone).toBe('Europe/Kyiv');
    expect(input.week['0']).toEqual([]);
    expect(input.week['1']).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(input.week['6']).toEqual([
      { start: '10:00', end: '12:00' },
      { start: '14:00', end: '16:00' },
    ]);
    expect(input.holidays).toEqual([{ date: '2025-01-01' }, { date: '2025-12-25', yearly: true }]);
  });

  it('keeps an existing calendar’s values', () => {
    const values = toCalendarValues(
      { id: 3, name: 'UTC', timeZone: 'UTC', week: { '2': [{ start: '08:00', end: '12:00' }] }, holidays: [] },
      emptyWeek(),
      'Europe/Kyiv',
    );
    expect(values.timeZone).toBe('UTC');
    expect(values.week['2'].map(({ start, end }) => `${start}-${end}`)).toEqual(['08:00-12:00']);
  });

  it('points every problem at its input', () => {
    const values = toCalendarValues(null, emptyWeek(), '');
    expect(calendarProblems(values)).toEqual({
      name: 'common.required',
      timeZone: 'common.required',
      week: 'admin.sla.calendars.noWorkingTime',
    });
    values.name = 'x';
    values.timeZone = 'UTC';
    values.week['1'] = [
      { key: 'a', start: '09:00', end: '13:00' },
      { key: 'b', start: '12:00', end: '18:00' },
    ];
    values.week['2'] = [{ key: 'c', start: '9', end: '18:00' }];
    values.week['3'] = [{ key: 'd', start: '18:00', end: '09:00' }];
    values.holidays = [
      { key: 'e', date: '2025-02-30', yearly: false },
      { key: 'f', date: '2025-05-01', yearly: false },
      { key: 'g', date: '2025-05-01', yearly: true },
    ];
    expect(calendarProblems(values)).toEqual({
      'week.1.1.start': 'admin.sla.calendars.overlap',
      'week.2.0.start': 'admin.sla.calendars.timeFormat',
      'week.3.0.end': 'admin.sla.calendars.endAfterStart',
      'holidays.0.date': 'admin.sla.calendars.dateInvalid',
      'holidays.2.date': 'admin.sla.calendars.duplicateHoliday',
    });
  });
});

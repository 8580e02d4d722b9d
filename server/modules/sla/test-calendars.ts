/** Calendars shared by the SLA tests. */
import { ALWAYS_OPEN, type BusinessCalendar, parseCalendar, type WorkingInterval } from './business-calendar.ts';

type Days = Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, WorkingInterval[]>>;

/** The same intervals on each of `days`. */
export function on(days: readonly number[], ...intervals: [string, string][]): Days {
  const spans = intervals.map(([start, end]) => ({ start, end }));
  return Object.fromEntries(days.map((d) => [d, spans])) as Days;
}

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as const;

/** Kyiv office, Mon–Fri 09:00–18:00; Independence Day and New Year yearly, Trinity Monday 2026 once. */
export const KYIV_OFFICE: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: on(WEEKDAYS, ['09:00', '18:00']),
  holidays: [{ date: '2020-08-24', yearly: true }, { date: '2000-01-01', yearly: true }, { date: '2026-06-01' }],
});

/** Kyiv office with a lunch break: 09:00–13:00 and 14:00–18:00. */
export const KYIV_SPLIT: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: on(WEEKDAYS, ['09:00', '13:00'], ['14:00', '18:00']),
  holidays: [],
});

/** Kyiv, seven days a week 08:00–20:00. */
export const KYIV_DAILY: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: on(EVERY_DAY, ['08:00', '20:00']),
});

/** Kyiv night shift every day 00:00–06:00: contains both DST transitions (03:00/04:00). */
export const KYIV_NIGHT: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: on(EVERY_DAY, ['00:00', '06:00']),
});

/** 24x7 in Kyiv local time. */
export const KYIV_24X7: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: on(EVERY_DAY, ['00:00', '24:00']),
});

/** New York office Mon–Fri 09:00–17:00, July 4th yearly. */
export const NY_OFFICE: BusinessCalendar = parseCalendar({
  timeZone: 'America/New_York',
  week: on(WEEKDAYS, ['09:00', '17:00']),
  holidays: [{ date: '2021-07-04', yearly: true }],
});

/** New York, every day 01:00–04:00: straddles the 02:00 transitions. */
export const NY_EARLY: BusinessCalendar = parseCalendar({
  timeZone: 'America/New_York',
  week: on(EVERY_DAY, ['01:00', '04:00']),
});

/** 24x7 in New York local time. */
export const NY_24X7: BusinessCalendar = parseCalendar({
  timeZone: 'America/New_York',
  week: on(EVERY_DAY, ['00:00', '24:00']),
});

/** Shanghai office (UTC+8, no DST) 09:00–12:00 and 13:30–18:00, National Day yearly. */
export const SHANGHAI_SPLIT: BusinessCalendar = parseCalendar({
  timeZone: 'Asia/Shanghai',
  week: on(WEEKDAYS, ['09:00', '12:00'], ['13:30', '18:00']),
  holidays: [{ date: '2019-10-01', yearly: true }],
});

/** Evening shift across midnight: Mon–Fri 18:00–24:00 followed by Tue–Sat 00:00–02:00. */
export const KYIV_EVENING: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: {
    ...on([2, 3, 4, 5], ['00:00', '02:00'], ['18:00', '24:00']),
    ...on([1], ['18:00', '24:00']),
    ...on([6], ['00:00', '02:00']),
  },
});

/** New York, boundaries inside the spring-forward gap (02:30) and spanning midnight. */
export const NY_GAP_SPLIT: BusinessCalendar = parseCalendar({
  timeZone: 'America/New_York',
  week: on(EVERY_DAY, ['00:00', '02:30'], ['02:30', '05:00'], ['22:00', '24:00']),
});

/** Kyiv, opening at 03:30: skipped in March, ambiguous (first occurrence used) in October. */
export const KYIV_AMBIGUOUS: BusinessCalendar = parseCalendar({
  timeZone: 'Europe/Kyiv',
  week: on(EVERY_DAY, ['03:30', '10:00'], ['20:00', '24:00']),
});

/** Every calendar above, for property tests. */
export const TEMPLATES: Record<string, BusinessCalendar> = {
  ALWAYS_OPEN,
  KYIV_OFFICE,
  KYIV_SPLIT,
  KYIV_DAILY,
  KYIV_NIGHT,
  KYIV_24X7,
  NY_OFFICE,
  NY_EARLY,
  NY_24X7,
  SHANGHAI_SPLIT,
  KYIV_EVENING,
  NY_GAP_SPLIT,
  KYIV_AMBIGUOUS,
};

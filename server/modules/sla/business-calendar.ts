/**
 * Business-hours calendars: weekly working hours, holidays and an IANA time zone.
 *
 * Working time is the set of real instants between the wall-clock boundaries of each working
 * interval, so a 09:00–18:00 day is always 9 hours, while an interval that contains a DST
 * transition (00:00–24:00 in a 24x7 calendar) has 23 or 25 real hours, exactly as elapsed.
 */
import {
  isoDateOf,
  isValidTimeZone,
  localDayOf,
  MS_PER_DAY,
  MS_PER_MINUTE,
  wallToUtc,
  weekdayOf,
} from './zoned-time.ts';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Wall-clock working interval; `end` may be '24:00' for the end of the day. */
export interface WorkingInterval {
  start: string;
  end: string;
}

export interface Holiday {
  /** 'YYYY-MM-DD'; with `yearly` only month and day matter. */
  date: string;
  yearly?: boolean;
}

export interface BusinessCalendar {
  timeZone: string;
  /** Working intervals per weekday, 0 = Sunday; sorted, non-overlapping. */
  week: Record<Weekday, WorkingInterval[]>;
  holidays: Holiday[];
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const ALL_DAY: WorkingInterval[] = [{ start: '00:00', end: '24:00' }];

/** 24x7: every day 00:00–24:00 in UTC, no holidays; counts plain elapsed time. */
export const ALWAYS_OPEN: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  week: { 0: ALL_DAY, 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY },
  holidays: [],
});

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of 'HH:MM' ('24:00' allowed), or null when malformed. */
function minuteOfDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = TIME_RE.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return 1440;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates untrusted input (an admin form, JSON from the database) into a calendar.
 * Missing weekdays are closed; intervals come back sorted. Throws an Error naming the bad part.
 */
export function parseCalendar(input: unknown): BusinessCalendar {
  if (!isRecord(input)) throw new Error('calendar: expected an object');
  const { timeZone, week, holidays = [] } = input;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    throw new Error(`calendar.timeZone: unknown time zone ${JSON.stringify(timeZone)}`);
  }
  if (!isRecord(week)) throw new Error('calendar.week: expected an object keyed by weekday 0-6');
  for (const key of Object.keys(week)) {
    if (!/^[0-6]$/.test(key)) throw new Error(`calendar.week.${key}: weekday must be 0 (Sunday) to 6`);
  }
  const parsedWeek = {} as Record<Weekday, WorkingInterval[]>;
  let anyWorkingTime = false;
  for (const day of WEEKDAYS) {
    const raw = week[String(day)] ?? [];
    if (!Array.isArray(raw)) throw new Error(`calendar.week.${day}: expected an array of intervals`);
    const spans = raw.map((item: unknown, i) => {
      const where = `calendar.week.${day}[${i}]`;
      if (!isRecord(item)) throw new Error(`${where}: expected {start, end}`);
      const s = minuteOfDay(item.start);
      const e = minuteOfDay(item.end);
      if (s === null || s === 1440)
        throw new Error(`${where}.start: expected HH:MM, got ${JSON.stringify(item.start)}`);
      if (e === null) throw new Error(`${where}.end: expected HH:MM or 24:00, got ${JSON.stringify(item.end)}`);
      if (e <= s) throw new Error(`${where}: end ${item.end} is not after start ${item.start}`);
      return { s, e, start: item.start as string, end: item.end as string };
    });
    spans.sort((a, b) => a.s - b.s);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i].s < spans[i - 1].e) {
        throw new Error(
          `calendar.week.${day}: intervals ${spans[i - 1].start}-${spans[i - 1].end} and ${spans[i].start}-${spans[i].end} overlap`,
        );
      }
    }
    if (spans.length > 0) anyWorkingTime = true;
    parsedWeek[day] = spans.map(({ start, end }) => ({ start, end }));
  }
  if (!anyWorkingTime) throw new Error('calendar.week: no working hours on any day');
  if (!Array.isArray(holidays)) throw new Error('calendar.holidays: expected an array');
  const parsedHolidays = holidays.map((h: unknown, i): Holiday => {
    if (!isRecord(h) || !isRealDate(h.date)) {
      throw new Error(`calendar.holidays[${i}].date: expected a real YYYY-MM-DD date`);
    }
    if (h.yearly !== undefined && typeof h.yearly !== 'boolean') {
      throw new Error(`calendar.holidays[${i}].yearly: expected a boolean`);
    }
    return h.yearly ? { date: h.date, yearly: true } : { date: h.date };
  });
  return { timeZone, week: parsedWeek, holidays: parsedHolidays };
}

/** Calendar reduced to numbers; cached per calendar object (calendars are treated as immutable). */
interface Compiled {
  timeZone: string;
  /** Per weekday: [startMs, endMs) of day, sorted. */
  week: [number, number][][];
  fixedHolidays: Set<string>;
  yearlyHolidays: Set<string>;
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();

function compile(cal: BusinessCalendar): Compiled {
  let compiled = compiledCache.get(cal);
  if (!compiled) {
    compiled = compileUncached(cal);
    compiledCache.set(cal, compiled);
  }
  return compiled;
}

function compileUncached(cal: BusinessCalendar): Compiled {
  const week = WEEKDAYS.map((d) =>
    (cal.week[d] ?? [])
      .map((iv): [number, number] => {
        const s = minuteOfDay(iv.start);
        const e = minuteOfDay(iv.end);
        if (s === null || e === null || e <= s)
          throw new Error(`calendar.week.${d}: bad interval ${iv.start}-${iv.end}`);
        return [s * MS_PER_MINUTE, e * MS_PER_MINUTE];
      })
      .sort((a, b) => a[0] - b[0]),
  );
  if (week.every((spans) => spans.length === 0)) throw new Error('calendar has no working time at all');
  const fixedHolidays = new Set<string>();
  const yearlyHolidays = new Set<string>();
  for (const h of cal.holidays ?? []) {
    if (h.yearly) yearlyHolidays.add(h.date.slice(5));
    else fixedHolidays.add(h.date);
  }
  return { timeZone: cal.timeZone, week, fixedHolidays, yearlyHolidays };
}

/** Longest stretch without any working time we accept before calling the calendar empty. */
const MAX_CLOSED_DAYS = 800;

/** Real-time [start, end) working intervals of civil `day`, in ascending order. */
function dayIntervals(c: Compiled, day: number): [number, number][] {
  const spans = c.week[weekdayOf(day)];
  if (spans.length === 0) return [];
  if (c.fixedHolidays.size > 0 || c.yearlyHolidays.size > 0) {
    const iso = isoDateOf(day);
    if (c.fixedHolidays.has(iso) || c.yearlyHolidays.has(iso.slice(5))) return [];
  }
  const out: [number, number][] = [];
  for (const [s, e] of spans) {
    // '24:00' is resolved as the next day's midnight so consecutive days tile exactly.
    const from = wallToUtc(c.timeZone, day, s);
    const to = e === MS_PER_DAY ? wallToUtc(c.timeZone, day + 1, 0) : wallToUtc(c.timeZone, day, e);
    if (to > from) out.push([from, to]); // an interval entirely inside a DST gap is empty
  }
  return out;
}

/**
 * Adds `ms` milliseconds of working time to instant `start` (both epoch ms).
 * Returns `start` for 0; otherwise counting begins at `start` or the next opening after it.
 */
export function addBusinessMs(start: number, ms: number, cal: BusinessCalendar): number {
  if (!Number.isFinite(start) || !Number.isFinite(ms) || ms < 0) {
    throw new Error('addBusinessMs: start and a non-negative duration are required');
  }
  let remaining = Math.round(ms);
  if (remaining === 0) return start;
  const c = compile(cal);
  let closedDays = 0;
  // Intervals of days before start's local day end no later than start (monotonic mapping).
  for (let day = localDayOf(c.timeZone, start); ; day++) {
    const spans = dayIntervals(c, day);
    let worked = false;
    for (const [s, e] of spans) {
      const from = Math.max(s, start);
      if (e <= from) continue;
      worked = true;
      if (remaining <= e - from) return from + remaining;
      remaining -= e - from;
    }
    closedDays = worked || spans.length > 0 ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) throw new Error('calendar has no working time at all');
  }
}

/** Working milliseconds in [a, b) (epoch ms); 0 when b <= a. */
export function businessMsBetween(a: number, b: number, cal: BusinessCalendar): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error('businessMsBetween: finite instants required');
  if (b <= a) return 0;
  const c = compile(cal);
  let total = 0;
  for (let day = localDayOf(c.timeZone, a); wallToUtc(c.timeZone, day, 0) < b; day++) {
    for (const [s, e] of dayIntervals(c, day)) {
      const from = Math.max(s, a);
      const to = Math.min(e, b);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/**
 * The instant at which `minutes` of working time have elapsed from `start`. If `start` is
 * outside working hours, counting begins at the next opening. Fractional minutes are rounded
 * to the millisecond. Throws for negative minutes or a calendar with no working time.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  return new Date(addBusinessMs(start.getTime(), minutes * MS_PER_MINUTE, cal));
}

/**
 * Working minutes (fractional) between instants `a` and `b`; 0 when `b <= a`. Inverse of
 * {@link addBusinessMinutes}: `businessMinutesBetween(s, addBusinessMinutes(s, m, cal), cal) === m`
 * for whole-millisecond `m` when `s` lies in working time.
 */
export function businessMinutesBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  return businessMsBetween(a.getTime(), b.getTime(), cal) / MS_PER_MINUTE;
}

/** Whether instant `t` falls inside working time of `cal`. */
export function isWorkingTime(t: Date, cal: BusinessCalendar): boolean {
  const ms = t.getTime();
  const c = compile(cal);
  // Earlier days' intervals end by this day's midnight, so only the local day matters.
  return dayIntervals(c, localDayOf(c.timeZone, ms)).some(([s, e]) => ms >= s && ms < e);
}

import type { WeekHours, WorkingInterval } from '../../../api/sla.ts';

/** Weekdays in the order the editor shows them, Monday first; values are the API keys (0 = Sunday). */
export const UI_WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

const API_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function weekOf(hours: (day: number) => WorkingInterval[]): WeekHours {
  return Object.fromEntries(API_WEEKDAYS.map((day) => [String(day), hours(day)]));
}

/** A week with every day closed. */
export function emptyWeek(): WeekHours {
  return weekOf(() => []);
}

/** Open around the clock, every day. */
export function alwaysOpenWeek(): WeekHours {
  return weekOf(() => [{ start: '00:00', end: '24:00' }]);
}

/** Monday to Friday 09:00–18:00, weekends closed. */
export function officeHoursWeek(): WeekHours {
  return weekOf((day) => (day >= 1 && day <= 5 ? [{ start: '09:00', end: '18:00' }] : []));
}

/** Every weekday present (missing ones closed), intervals sorted by start, copied. */
export function normalizeWeek(week: WeekHours): WeekHours {
  return weekOf((day) =>
    [...(week[String(day)] ?? [])]
      .map(({ start, end }) => ({ start, end }))
      .sort((a, b) => (minuteOfDay(a.start) ?? 0) - (minuteOfDay(b.start) ?? 0)),
  );
}

/** Minutes after midnight of 'HH:MM' ('24:00' gives 1440), or null when malformed. */
export function minuteOfDay(value: string): number | null {
  const match = TIME_RE.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Why an interval is refused: a malformed time, an end not after the start, or an overlap. */
export type IntervalProblem = 'startFormat' | 'endFormat' | 'order' | 'overlap';

/**
 * The server's rules for one day's intervals, per interval (null = fine). An overlap is
 * reported on the interval that starts later, so the admin sees which one to move.
 */
export function intervalProblems(intervals: readonly WorkingInterval[]): (IntervalProblem | null)[] {
  const spans = intervals.map(({ start, end }) => ({ s: minuteOfDay(start), e: minuteOfDay(end) }));
  const problems = spans.map(({ s, e }): IntervalProblem | null => {
    if (s === null || s === 1440) return 'startFormat';
    if (e === null) return 'endFormat';
    return e <= s ? 'order' : null;
  });
  spans.forEach(({ s: start }, i) => {
    if (problems[i] !== null || start === null) return;
    const overlaps = spans.some(
      (b, j) =>
        j !== i &&
        problems[j] === null &&
        b.s !== null &&
        b.e !== null &&
        (b.s < start || (b.s === start && j < i)) &&
        start < b.e,
    );
    if (overlaps) problems[i] = 'overlap';
  });
  return problems;
}

/** True when at least one day has a working interval (the server refuses a week without). */
export function hasWorkingTime(week: WeekHours): boolean {
  return API_WEEKDAYS.some((day) => (week[String(day)] ?? []).length > 0);
}

/** True for 00:00–24:00 on all seven days. */
export function isAlwaysOpen(week: WeekHours): boolean {
  return API_WEEKDAYS.every((day) => {
    const hours = week[String(day)] ?? [];
    return hours.length === 1 && hours[0].start === '00:00' && hours[0].end === '24:00';
  });
}

/** Consecutive days (Monday first) with the same hours; closed days are left out. */
export interface WeekGroup {
  days: number[];
  intervals: WorkingInterval[];
}

const sameHours = (a: WorkingInterval[], b: WorkingInterval[]) =>
  a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end);

/** Groups the week into runs of days with identical hours, in the editor's order. */
export function weekGroups(week: WeekHours): WeekGroup[] {
  const normal = normalizeWeek(week);
  const groups: WeekGroup[] = [];
  let previous: WeekGroup | null = null;
  for (const day of UI_WEEKDAYS) {
    const intervals = normal[String(day)];
    if (intervals.length === 0) {
      previous = null;
    } else if (previous && sameHours(previous.intervals, intervals)) {
      previous.days.push(day);
    } else {
      previous = { days: [day], intervals };
      groups.push(previous);
    }
  }
  return groups;
}

/** "Mon–Fri 09:00–18:00", one line per run of days; `dayName` names a weekday (0 = Sunday). */
export function summarizeWeek(week: WeekHours, dayName: (day: number) => string): string[] {
  return weekGroups(week).map(({ days, intervals }) => {
    const first = dayName(days[0]);
    const range = days.length === 1 ? first : `${first}–${dayName(days[days.length - 1])}`;
    return `${range} ${intervals.map(({ start, end }) => `${start}–${end}`).join(', ')}`;
  });
}

/** Weekday names in a language, capitalized ("Пн", not "пн"), by API key (0 = Sunday). */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): Record<number, string> {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  const name = (day: number) => {
    // 3 January 2021 was a Sunday.
    const text = format.format(new Date(Date.UTC(2021, 0, 3 + day)));
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  };
  return Object.fromEntries(API_WEEKDAYS.map((day) => [day, name(day)]));
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isRealDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

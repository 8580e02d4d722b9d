import type { CalendarInput, SlaCalendar, WeekHours } from '../../../api/sla.ts';
import {
  hasWorkingTime,
  type IntervalProblem,
  intervalProblems,
  isRealDate,
  normalizeWeek,
  UI_WEEKDAYS,
} from './week.ts';

/** Rows of the editor carry a key so React keeps each input with its row when one is removed. */
export interface IntervalDraft {
  key: string;
  start: string;
  end: string;
}

export interface HolidayDraft {
  key: string;
  date: string;
  yearly: boolean;
}

export interface CalendarValues {
  name: string;
  timeZone: string;
  week: Record<string, IntervalDraft[]>;
  holidays: HolidayDraft[];
}

let lastKey = 0;

/** A key unique within this page. */
export function draftKey(): string {
  lastKey += 1;
  return `draft-${lastKey}`;
}

/** The editor's week from the API's (every weekday present, intervals sorted). */
export function weekDrafts(week: WeekHours): Record<string, IntervalDraft[]> {
  return Object.fromEntries(
    Object.entries(normalizeWeek(week)).map(([day, intervals]) => [
      day,
      intervals.map((interval) => ({ key: draftKey(), ...interval })),
    ]),
  );
}

/** The form's values for a calendar, or for a new one in the given time zone. */
export function toCalendarValues(calendar: SlaCalendar | null, week: WeekHours, timeZone: string): CalendarValues {
  return {
    name: calendar?.name ?? '',
    timeZone: calendar?.timeZone ?? timeZone,
    week: weekDrafts(calendar?.week ?? week),
    holidays: (calendar?.holidays ?? []).map((h) => ({ key: draftKey(), date: h.date, yearly: h.yearly === true })),
  };
}

/** What the API gets: trimmed, keys dropped, holidays by date. */
export function toCalendarInput(values: CalendarValues): CalendarInput {
  const week = Object.fromEntries(
    Object.entries(values.week).map(([day, intervals]) => [
      day,
      intervals.map(({ start, end }) => ({ start: start.trim(), end: end.trim() })),
    ]),
  );
  const holidays = values.holidays
    .map(({ date, yearly }) => (yearly ? { date, yearly: true } : { date }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { name: values.name.trim(), timeZone: values.timeZone, week: normalizeWeek(week), holidays };
}

/** Message keys of the problems the editor finds before the server would. */
export const CALENDAR_PROBLEMS: Record<IntervalProblem | 'noWorkingTime' | 'date' | 'duplicate', string> = {
  startFormat: 'admin.sla.calendars.timeFormat',
  endFormat: 'admin.sla.calendars.endFormat',
  order: 'admin.sla.calendars.endAfterStart',
  overlap: 'admin.sla.calendars.overlap',
  noWorkingTime: 'admin.sla.calendars.noWorkingTime',
  date: 'admin.sla.calendars.dateInvalid',
  duplicate: 'admin.sla.calendars.duplicateHoliday',
};

/** Errors by form path (`week.1.0.end`, `holidays.2.date`), as message keys for `t`. */
export function calendarProblems(values: CalendarValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'common.required';
  if (!values.timeZone) errors.timeZone = 'common.required';
  for (const day of UI_WEEKDAYS) {
    const intervals = values.week[String(day)] ?? [];
    intervalProblems(intervals).forEach((problem, i) => {
      if (problem === null) return;
      const field = problem === 'startFormat' || problem === 'overlap' ? 'start' : 'end';
      errors[`week.${day}.${i}.${field}`] = CALENDAR_PROBLEMS[problem];
    });
  }
  if (!hasWorkingTime(values.week)) errors.week = CALENDAR_PROBLEMS.noWorkingTime;
  const seen = new Set<string>();
  values.holidays.forEach(({ date }, i) => {
    if (!isRealDate(date)) errors[`holidays.${i}.date`] = CALENDAR_PROBLEMS.date;
    else if (seen.has(date)) errors[`holidays.${i}.date`] = CALENDAR_PROBLEMS.duplicate;
    seen.add(date);
  });
  return errors;
}

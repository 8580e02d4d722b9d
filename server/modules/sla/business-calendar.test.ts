import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessMinutes,
  addBusinessMs,
  type BusinessCalendar,
  businessMinutesBetween,
  businessMsBetween,
  isWorkingTime,
  parseCalendar,
} from './business-calendar.ts';
import {
  KYIV_24X7,
  KYIV_AMBIGUOUS,
  KYIV_DAILY,
  KYIV_EVENING,
  KYIV_NIGHT,
  KYIV_OFFICE,
  KYIV_SPLIT,
  NY_24X7,
  NY_EARLY,
  NY_GAP_SPLIT,
  NY_OFFICE,
  on,
  SHANGHAI_SPLIT,
  TEMPLATES,
} from './test-calendars.ts';

const d = (iso: string) => new Date(iso);

// Kyiv is UTC+2 until 2026-03-29 01:00Z and from 2026-10-25 01:00Z, UTC+3 between.
// New York is UTC-5 until 2026-03-08 07:00Z and from 2026-11-01 06:00Z, UTC-4 between.
// Shanghai is UTC+8 all year.
const addCases: [string, BusinessCalendar, string, number, string][] = [
  // Fri 17:00 Kyiv: 1h on Friday, weekend skipped, 1h on Monday → Mon 10:00 Kyiv.
  ['weekend skip', KYIV_OFFICE, '2026-03-06T15:00:00Z', 120, '2026-03-09T08:00:00.000Z'],
  // Fri 29 May 17:00 Kyiv: Mon 1 June is a one-off holiday → Tue 10:00 Kyiv (UTC+3).
  ['one-off holiday', KYIV_OFFICE, '2026-05-29T14:00:00Z', 120, '2026-06-02T07:00:00.000Z'],
  // Fri 21 Aug 17:00: Mon 24 Aug is a yearly holiday stored as 2020-08-24 → Tue 10:00 Kyiv.
  ['yearly holiday', KYIV_OFFICE, '2026-08-21T14:00:00Z', 120, '2026-08-25T07:00:00.000Z'],
  // Wed 31 Dec 17:30 Kyiv: 30 min that day, Thu 1 Jan (yearly) off → Fri 2 Jan 09:30 Kyiv.
  ['yearly holiday across the year end', KYIV_OFFICE, '2025-12-31T15:30:00Z', 60, '2026-01-02T07:30:00.000Z'],
  // Tue 07:00 Kyiv: counting starts at 09:00 → 09:30.
  ['start before opening', KYIV_OFFICE, '2026-02-03T05:00:00Z', 30, '2026-02-03T07:30:00.000Z'],
  // Tue 19:00 Kyiv: counting starts Wed 09:00 → Wed 09:30.
  ['start after closing', KYIV_OFFICE, '2026-02-03T17:00:00Z', 30, '2026-02-04T07:30:00.000Z'],
  // Mon 1 June 10:00 Kyiv is a holiday: counting starts Tue 09:00 → Tue 10:00 (UTC+3).
  ['start on a holiday', KYIV_OFFICE, '2026-06-01T07:00:00Z', 60, '2026-06-02T07:00:00.000Z'],
  // Saturday: a full 9h day counted on Monday, due at Monday closing 18:00 Kyiv.
  ['start on a weekend', KYIV_OFFICE, '2026-02-07T10:00:00Z', 540, '2026-02-09T16:00:00.000Z'],
  // Exactly one working day from opening ends at closing, not at the next opening.
  ['lands on closing time', KYIV_OFFICE, '2026-02-02T07:00:00Z', 540, '2026-02-02T16:00:00.000Z'],
  // 30 days = 43,200 min = 80 nine-hour days = 16 full weeks from Mon 2 Feb → Fri 22 May 18:00 Kyiv (UTC+3).
  ['30-day target', KYIV_OFFICE, '2026-02-02T07:00:00Z', 43_200, '2026-05-22T15:00:00.000Z'],
  // Mon 12:00 Kyiv: 12–13 (60) + 14–15 (60) → 15:00 Kyiv.
  ['split day over lunch', KYIV_SPLIT, '2026-02-02T10:00:00Z', 120, '2026-02-02T13:00:00.000Z'],
  // Mon 12:00 + 60 ends when lunch starts (13:00 Kyiv).
  ['split day ending at lunch', KYIV_SPLIT, '2026-02-02T10:00:00Z', 60, '2026-02-02T11:00:00.000Z'],
  // Mon 13:30 during lunch: counting starts 14:00 → 14:30 Kyiv.
  ['start during lunch', KYIV_SPLIT, '2026-02-02T11:30:00Z', 30, '2026-02-02T12:30:00.000Z'],
  // 24x7 Kyiv: 24 real hours over the spring-forward night; the wall clock then shows 13:00.
  ['Kyiv DST start, 24x7', KYIV_24X7, '2026-03-28T10:00:00Z', 1440, '2026-03-29T10:00:00.000Z'],
  // 24x7 Kyiv: 24 real hours over the fall-back night; the wall clock then shows 11:00.
  ['Kyiv DST end, 24x7', KYIV_24X7, '2026-10-24T09:00:00Z', 1440, '2026-10-25T09:00:00.000Z'],
  // Fri 17:00 Kyiv (UTC+2) → Mon 30 March 10:00 Kyiv, now UTC+3.
  ['Kyiv DST start weekend, office', KYIV_OFFICE, '2026-03-27T15:00:00Z', 120, '2026-03-30T07:00:00.000Z'],
  // Fri 23 Oct 17:00 Kyiv (UTC+3) → Mon 26 Oct 10:00 Kyiv, now UTC+2.
  ['Kyiv DST end weekend, office', KYIV_OFFICE, '2026-10-23T14:00:00Z', 120, '2026-10-26T08:00:00.000Z'],
  // Sat 19:00 Kyiv: 1h to 20:00, then Sun 08:00 (already UTC+3) + 1h → 09:00 Kyiv.
  ['Kyiv DST start night, daily hours', KYIV_DAILY, '2026-03-28T17:00:00Z', 120, '2026-03-29T06:00:00.000Z'],
  // Sat 19:00 Kyiv (UTC+3): 1h, then Sun 08:00 (UTC+2) + 1h → 09:00 Kyiv.
  ['Kyiv DST end night, daily hours', KYIV_DAILY, '2026-10-24T16:00:00Z', 120, '2026-10-25T07:00:00.000Z'],
  // Night shift 00–06: Sat 05:00 gives 1h; Sun 00:00 Kyiv = Sat 22:00Z, +4 real hours → 05:00 Kyiv (UTC+3).
  ['Kyiv DST start inside a shift', KYIV_NIGHT, '2026-03-28T03:00:00Z', 300, '2026-03-29T02:00:00.000Z'],
  // Night shift: Sat 05:00 (UTC+3) gives 1h; Sun 00:00 Kyiv = Sat 21:00Z, +4 real hours → 01:00Z (03:00 UTC+2).
  ['Kyiv DST end inside a shift', KYIV_NIGHT, '2026-10-24T02:00:00Z', 300, '2026-10-25T01:00:00.000Z'],
  // Fri 16:00 EST: 1h, then Mon 9 March 09:00 EDT + 1h → 10:00 EDT.
  ['New York DST start weekend', NY_OFFICE, '2026-03-06T21:00:00Z', 120, '2026-03-09T14:00:00.000Z'],
  // Fri 30 Oct 16:00 EDT: 1h, then Mon 2 Nov 09:00 EST + 1h → 10:00 EST.
  ['New York DST end weekend', NY_OFFICE, '2026-10-30T20:00:00Z', 120, '2026-11-02T15:00:00.000Z'],
  // 24 real hours from Sat 12:00 EST end Sun 13:00 EDT.
  ['New York DST start, 24x7', NY_24X7, '2026-03-07T17:00:00Z', 1440, '2026-03-08T17:00:00.000Z'],
  // 01:00–04:00 shift: Sat 03:00 EST gives 1h; Sun 01:00 EST (06:00Z) + 1.5h → 07:30Z = 03:30 EDT.
  ['New York shift across spring-forward', NY_EARLY, '2026-03-07T08:00:00Z', 150, '2026-03-08T07:30:00.000Z'],
  // Sat 03:00 EDT gives 1h; Sun 01:00 EDT (first one, 05:00Z) + 3 real hours → 08:00Z = 03:00 EST.
  ['New York shift across fall-back', NY_EARLY, '2026-10-31T07:00:00Z', 240, '2026-11-01T08:00:00.000Z'],
  // Mon 09:00 CST: 180 + 270 = 450 min that day, the last 30 on Tue → 09:30 CST.
  ['Shanghai split day', SHANGHAI_SPLIT, '2026-01-05T01:00:00Z', 480, '2026-01-06T01:30:00.000Z'],
  // Wed 30 Sep 17:00 CST: 1h, Thu 1 Oct National Day (yearly) → Fri 10:00 CST.
  ['Shanghai yearly holiday', SHANGHAI_SPLIT, '2026-09-30T09:00:00Z', 120, '2026-10-02T02:00:00.000Z'],
  // Mon 23:00 Kyiv: 1h until 24:00, Tue 00:00–01:00 → Tue 01:00 Kyiv.
  ["'24:00' flows into the next day", KYIV_EVENING, '2026-02-02T21:00:00Z', 120, '2026-02-02T23:00:00.000Z'],
];

describe('addBusinessMinutes', () => {
  it.each(addCases)('%s', (_name, cal, start, minutes, expected) => {
    const due = addBusinessMinutes(d(start), minutes, cal);
    expect(due.toISOString()).toBe(expected);
    expect(businessMinutesBetween(d(start), due, cal)).toBe(minutes);
  });

  it('returns the start itself for zero minutes and rounds fractions to the millisecond', () => {
    expect(addBusinessMinutes(d('2026-02-07T10:00:00Z'), 0, KYIV_OFFICE).toISOString()).toBe(
      '2026-02-07T10:00:00.000Z',
    );
    // 0.5 min = 30 s after Mon 09:00 Kyiv.
    expect(addBusinessMinutes(d('2026-02-02T07:00:00Z'), 0.5, KYIV_OFFICE).toISOString()).toBe(
      '2026-02-02T07:00:30.000Z',
    );
  });

  it('rejects negative durations and calendars without working time', () => {
    expect(() => addBusinessMinutes(d('2026-01-01T00:00:00Z'), -1, KYIV_OFFICE)).toThrow();
    const empty: BusinessCalendar = {
      timeZone: 'UTC',
      week: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] },
      holidays: [],
    };
    expect(() => addBusinessMinutes(d('2026-01-01T00:00:00Z'), 60, empty)).toThrow(/no working time/);
    // Open on Mondays only, but every day of the year is a yearly holiday.
    const everyDay = Array.from({ length: 366 }, (_, i) => ({
      date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
      yearly: true,
    }));
    const allHolidays = parseCalendar({ timeZone: 'UTC', week: on([1], ['09:00', '17:00']), holidays: everyDay });
    expect(() => addBusinessMinutes(d('2026-01-01T00:00:00Z'), 60, allHolidays)).toThrow(/no working time/);
  });
});

const betweenCases: [string, BusinessCalendar, string, string, number][] = [
  // Kyiv 29 March runs 00:00 (UTC+2) to 24:00 (UTC+3): 23 real hours.
  ['Kyiv spring-forward day, 24x7', KYIV_24X7, '2026-03-28T22:00:00Z', '2026-03-29T21:00:00Z', 1380],
  // Kyiv 25 October runs 00:00 (UTC+3) to 24:00 (UTC+2): 25 real hours.
  ['Kyiv fall-back day, 24x7', KYIV_24X7, '2026-10-24T21:00:00Z', '2026-10-25T22:00:00Z', 1500],
  ['New York spring-forward day, 24x7', NY_24X7, '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 1380],
  ['New York fall-back day, 24x7', NY_24X7, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 1500],
  // The 00–06 shift loses the skipped hour in March and gains the repeated one in October.
  ['Kyiv night shift on spring-forward', KYIV_NIGHT, '2026-03-28T22:00:00Z', '2026-03-29T03:00:00Z', 300],
  ['Kyiv night shift on fall-back', KYIV_NIGHT, '2026-10-24T21:00:00Z', '2026-10-25T04:00:00Z', 420],
  // A 09–18 day stays 9 hours on the first Monday of summer time.
  ['office day after DST start', KYIV_OFFICE, '2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z', 540],
  ['office week', KYIV_OFFICE, '2026-02-02T00:00:00Z', '2026-02-09T00:00:00Z', 2700],
  // 2026 has 261 weekdays; 1 Jan, 1 Jun and 24 Aug fall on weekdays → 258 × 540.
  ['office year 2026', KYIV_OFFICE, '2025-12-31T22:00:00Z', '2026-12-31T22:00:00Z', 139_320],
  ['half a minute', KYIV_OFFICE, '2026-02-02T07:00:00Z', '2026-02-02T07:00:30Z', 0.5],
  ['reversed range', KYIV_OFFICE, '2026-02-03T07:00:00Z', '2026-02-02T07:00:00Z', 0],
  // 00:00–02:30 and 02:30–05:00 on 8 March: 02:30 does not exist and resolves to the 03:00 EDT
  // transition (07:00Z), so the shifts run 05:00Z–07:00Z and 07:00Z–09:00Z.
  ['boundary inside the New York gap', NY_GAP_SPLIT, '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z', 240],
  // Opening 03:30 on 29 March is skipped: the day starts at the 04:00 transition (01:00Z) → 6h to 10:00.
  ['opening skipped by Kyiv DST start', KYIV_AMBIGUOUS, '2026-03-28T22:00:00Z', '2026-03-29T17:00:00Z', 360],
  // Opening 03:30 on 25 October happens twice; the first (00:30Z) counts → 7.5h to 10:00 (08:00Z).
  ['opening repeated by Kyiv DST end', KYIV_AMBIGUOUS, '2026-10-24T21:00:00Z', '2026-10-25T18:00:00Z', 450],
  ['Shanghai working day', SHANGHAI_SPLIT, '2026-01-05T00:00:00Z', '2026-01-05T12:00:00Z', 450],
];

describe('businessMinutesBetween', () => {
  it.each(betweenCases)('%s', (_name, cal, a, b, expected) => {
    expect(businessMinutesBetween(d(a), d(b), cal)).toBe(expected);
  });

  it('treats an interval that lies inside a DST gap as closed that day', () => {
    const cal = parseCalendar({ timeZone: 'America/New_York', week: on([0], ['02:00', '02:30']) });
    // 8 March 2026 has no 02:00–03:00 in New York; a week later the interval exists.
    expect(businessMinutesBetween(d('2026-03-08T00:00:00Z'), d('2026-03-09T00:00:00Z'), cal)).toBe(0);
    expect(businessMinutesBetween(d('2026-03-15T00:00:00Z'), d('2026-03-16T00:00:00Z'), cal)).toBe(30);
  });
});

describe('isWorkingTime', () => {
  it('knows opening, closing, lunch and holidays', () => {
    expect(isWorkingTime(d('2026-02-02T07:00:00Z'), KYIV_SPLIT)).toBe(true); // Mon 09:00
    expect(isWorkingTime(d('2026-02-02T11:30:00Z'), KYIV_SPLIT)).toBe(false); // lunch
    expect(isWorkingTime(d('2026-02-02T16:00:00Z'), KYIV_SPLIT)).toBe(false); // 18:00 closed
    expect(isWorkingTime(d('2026-06-01T07:00:00Z'), KYIV_OFFICE)).toBe(false); // holiday
    expect(isWorkingTime(d('2026-02-02T21:59:59Z'), KYIV_EVENING)).toBe(true); // Mon 23:59:59
  });
});

describe('parseCalendar', () => {
  const base = { timeZone: 'Europe/Kyiv', week: on([1], ['09:00', '18:00']) };
  it('accepts a valid calendar, sorts intervals and closes missing days', () => {
    const cal = parseCalendar({
      ...base,
      week: {
        2: [
          { start: '14:00', end: '18:00' },
          { start: '09:00', end: '13:00' },
        ],
      },
    });
    expect(cal.week[2]).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(cal.week[0]).toEqual([]);
    expect(cal.holidays).toEqual([]);
  });

  it.each([
    ['not an object', 'x', /expected an object/],
    ['bad time zone', { ...base, timeZone: 'Mars/Olympus' }, /calendar\.timeZone/],
    ['bad weekday', { ...base, week: { 7: [] } }, /calendar\.week\.7/],
    ['inverted interval', { ...base, week: on([3], ['18:00', '09:00']) }, /calendar\.week\.3\[0\].*not after/],
    ['overlap', { ...base, week: on([1], ['09:00', '13:00'], ['12:00', '18:00']) }, /calendar\.week\.1.*overlap/],
    ['bad time', { ...base, week: on([1], ['9:00', '18:00']) }, /calendar\.week\.1\[0\]\.start/],
    ['hour 25', { ...base, week: on([1], ['09:00', '25:00']) }, /calendar\.week\.1\[0\]\.end/],
    ['no working time', { ...base, week: {} }, /no working hours/],
    ['bad date', { ...base, holidays: [{ date: '2026-02-30' }] }, /calendar\.holidays\[0\]\.date/],
    ['bad yearly flag', { ...base, holidays: [{ date: '2026-02-03', yearly: 'yes' }] }, /holidays\[0\]\.yearly/],
  ])('rejects %s', (_name, input, message) => {
    expect(() => parseCalendar(input)).toThrow(message);
  });

  it('ALWAYS_OPEN passes its own validation', () => {
    expect(parseCalendar(ALWAYS_OPEN)).toEqual(ALWAYS_OPEN);
  });
});

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);
const templateNames = Object.keys(TEMPLATES);
const anyCalendar = fc.constantFrom(...templateNames).map((name) => TEMPLATES[name]);
// Half the starts land within three days of a 2026 DST transition in Kyiv or New York.
const DST_CHANGES = ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'];
const nearDst = fc
  .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
  .map(([iso, delta]) => Date.parse(iso) + delta);
const anyInstant = fc.oneof(fc.integer({ min: YEAR_START, max: YEAR_END }), nearDst);
const upTo30Days = fc.integer({ min: 0, max: 30 * 1440 });

/** The first working instant at or after `t`. */
const snap = (t: number, cal: BusinessCalendar) => addBusinessMs(t, 1, cal) - 1;

describe('properties', () => {
  it('between inverts add (minutes, starts in working time)', () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, upTo30Days, (cal, t, minutes) => {
        const start = new Date(snap(t, cal));
        expect(businessMinutesBetween(start, addBusinessMinutes(start, minutes, cal), cal)).toBe(minutes);
      }),
    );
  });

  it('between inverts add (milliseconds, any start)', () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, fc.integer({ min: 0, max: 30 * 86_400_000 }), (cal, t, ms) => {
        expect(businessMsBetween(t, addBusinessMs(t, ms, cal), cal)).toBe(ms);
      }),
    );
  });

  it('is monotonic: more minutes never give an earlier due date', () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, upTo30Days, upTo30Days, (cal, t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const start = new Date(t);
        expect(addBusinessMinutes(start, lo, cal).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(start, hi, cal).getTime(),
        );
      }),
    );
  });

  it('is additive for starts in working time', () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, upTo30Days, upTo30Days, (cal, t, a, b) => {
        const start = new Date(snap(t, cal));
        const stepwise = addBusinessMinutes(addBusinessMinutes(start, a, cal), b, cal);
        expect(stepwise.toISOString()).toBe(addBusinessMinutes(start, a + b, cal).toISOString());
      }),
    );
  });

  it('24x7 calendars in any zone equal plain millisecond arithmetic', () => {
    fc.assert(
      fc.property(fc.constantFrom(ALWAYS_OPEN, KYIV_24X7, NY_24X7), anyInstant, anyInstant, (cal, a, b) => {
        const ms = Math.abs(b - a);
        expect(addBusinessMs(a, ms, cal)).toBe(a + ms);
        expect(businessMsBetween(a, b, cal)).toBe(Math.max(0, b - a));
      }),
    );
  });
});

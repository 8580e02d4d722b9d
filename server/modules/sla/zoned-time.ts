/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl.DateTimeFormat`.
 *
 * Days are "civil day numbers": days since 1970-01-01 of a calendar date, independent of any
 * zone. Wall-clock instants are expressed as `day * MS_PER_DAY + msOfDay`, i.e. as if the wall
 * clock were UTC; subtracting the zone offset turns them into real instants.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23 avoids the "24:00" midnight some ICU builds produce with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone name the runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const OFFSET_BUCKET_MS = 15 * MS_PER_MINUTE;
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;

/**
 * Offset of `timeZone` at instant `t` in milliseconds (wall clock minus UTC). Memoized per
 * quarter hour: offsets are whole quarter hours and change only at such instants, so every
 * instant of a quarter-hour bucket shares one offset. The SLA check calls this millions of times.
 */
export function offsetAt(timeZone: string, t: number): number {
  if (timeZone === 'UTC') return 0;
  const bucket = Math.floor(t / OFFSET_BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = intlOffset(timeZone, bucket * OFFSET_BUCKET_MS);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function intlOffset(timeZone: string, t: number): number {
  // Intl only resolves to whole seconds, so compare against the instant floored to the second.
  const whole = Math.floor(t / 1000) * 1000;
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of formatter(timeZone).formatToParts(whole)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') mo = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
    else if (p.type === 'hour') h = Number(p.value);
    else if (p.type === 'minute') mi = Number(p.value);
    else if (p.type === 'second') s = Number(p.value);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
}

/** Civil day number of the wall-clock date at instant `t` in `timeZone`. */
export function localDayOf(timeZone: string, t: number): number {
  return Math.floor((t + offsetAt(timeZone, t)) / MS_PER_DAY);
}

/** Day of week (0 = Sunday) of a civil day number; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return ((((day + 4) % 7) + 7) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** 'YYYY-MM-DD' of a civil day number. */
export function isoDateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const wallCache = new Map<string, number>();
const WALL_CACHE_LIMIT = 20_000;

/**
 * The real instant at which the wall clock of `timeZone` shows `msOfDay` on civil `day`.
 * Ambiguous times (clocks going back) resolve to the earlier instant; times skipped by a
 * spring-forward gap resolve to the transition itself (the first valid wall time after them).
 * Both choices keep the mapping monotonic, so sorted working intervals stay sorted and
 * adjacent days tile exactly.
 */
export function wallToUtc(timeZone: string, day: number, msOfDay: number): number {
  const wall = day * MS_PER_DAY + msOfDay;
  const key = `${timeZone}|${wall}`;
  const cached = wallCache.get(key);
  if (cached !== undefined) return cached;
  const result = resolveWall(timeZone, wall);
  if (wallCache.size >= WALL_CACHE_LIMIT) wallCache.clear();
  wallCache.set(key, result);
  return result;
}

function resolveWall(timeZone: string, wall: number): number {
  // Real zones change offset at most once within a couple of days, so the offsets a day
  // before and after are the only candidates.
  const before = offsetAt(timeZone, wall - MS_PER_DAY);
  const after = offsetAt(timeZone, wall + MS_PER_DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const o of before === after ? [before] : [before, after]) {
    const t = wall - o;
    if (offsetAt(timeZone, t) === o && t < best) best = t;
  }
  if (Number.isFinite(best)) return best;
  if (after <= before) return wall - before; // not a gap we understand; stay predictable
  // Gap: the transition lies in (wall - after, wall - before]; bisect to the millisecond.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

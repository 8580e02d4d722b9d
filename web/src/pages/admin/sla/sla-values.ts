/** The largest target the API takes: one year of business minutes. */
export const MAX_TARGET_MINUTES = 525_600;

/** A target as the editor holds it: whole hours and minutes, '' for an empty input. */
export interface DurationParts {
  hours: number | '';
  minutes: number | '';
}

/** Splits minutes into the editor's hours and minutes, zeros left empty; null (no target) gives empty inputs. */
export function toParts(minutes: number | null): DurationParts {
  if (minutes === null) return { hours: '', minutes: '' };
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return { hours: hours || '', minutes: rest || '' };
}

/** Minutes from the editor's inputs; both empty means no target (null). */
export function fromParts(parts: DurationParts): number | null {
  if (parts.hours === '' && parts.minutes === '') return null;
  return Number(parts.hours || 0) * 60 + Number(parts.minutes || 0);
}

/** Unit labels for `formatDuration`, already translated. */
export interface DurationUnits {
  d: string;
  h: string;
  min: string;
}

/** "1 d 3 h 5 min" for 1625 minutes (24-hour days); "0 min" for 0. */
export function formatDuration(minutes: number, units: DurationUnits): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${units.d}`);
  if (hours) parts.push(`${hours} ${units.h}`);
  if (rest || parts.length === 0) parts.push(`${rest} ${units.min}`);
  return parts.join(' ');
}

/** Where today falls in a contract's validity period. */
export type Validity = 'active' | 'expired' | 'future';

/** Compares 'YYYY-MM-DD' dates as text, which orders them correctly; `validTo` is inclusive. */
export function contractValidity(validFrom: string, validTo: string | null, today: string): Validity {
  if (today < validFrom) return 'future';
  if (validTo !== null && today > validTo) return 'expired';
  return 'active';
}

/** Today's date in the browser's time zone, 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

import type { User } from '../../../api/auth.ts';

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

/** An organization as far as its members reveal it: there is no organizations API yet. */
export interface KnownOrganization {
  id: number;
  /** Its name from the organizations API (null when only its members are known). */
  name: string | null;
  /** Its e-mail domain, else the one most members share (organizations auto-join by domain). */
  domain: string | null;
  members: string[];
}

/** The organizations (from the API) with their members' names; ones only members name are kept too. */
export function organizationsOf(
  users: readonly Pick<User, 'name' | 'email' | 'organizationId'>[],
  listed: readonly { id: number; name: string; domain: string | null }[] = [],
): KnownOrganization[] {
  const byId = new Map<number, { members: string[]; domains: Map<string, number> }>();
  for (const user of users) {
    if (user.organizationId === null) continue;
    const entry = byId.get(user.organizationId) ?? { members: [], domains: new Map<string, number>() };
    entry.members.push(user.name);
    const domain = user.email.split('@')[1]?.toLowerCase();
    if (domain) entry.domains.set(domain, (entry.domains.get(domain) ?? 0) + 1);
    byId.set(user.organizationId, entry);
  }
  for (const org of listed) if (!byId.has(org.id)) byId.set(org.id, { members: [], domains: new Map() });
  const known = new Map(listed.map((org) => [org.id, org]));
  return [...byId.entries()]
    .map(([id, { members, domains }]) => ({
      id,
      name: known.get(id)?.name ?? null,
      domain:
        known.get(id)?.domain ??
        [...domains.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ??
        null,
      members: members.sort((a, b) => a.localeCompare(b)),
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id);
}

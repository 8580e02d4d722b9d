// Names the IANA database renamed; ICU still lists the old ones as canonical.
const RENAMED: Record<string, string> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** True when this browser knows the time zone. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The time zones to choose from, sorted: the browser's list under current names, plus 'UTC'
 * and the zone already chosen (which may be an old name saved earlier).
 */
export function timeZoneNames(current?: string, supported: readonly string[] = supportedZones()): string[] {
  const names = new Set(
    supported.map((zone) => (RENAMED[zone] && isKnownTimeZone(RENAMED[zone]) ? RENAMED[zone] : zone)),
  );
  names.add('UTC');
  if (current) names.add(current);
  return [...names].sort((a, b) => a.localeCompare(b));
}

function supportedZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** The zone's offset from UTC at an instant, "UTC+02:00" ("UTC+00:00" for UTC itself). */
export function utcOffset(zone: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    // Engines write UTC itself as "GMT" or "GMT+00:00".
    return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

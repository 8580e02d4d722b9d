/** Source of the current time, injected so jobs and rules can be tested at any instant. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export class ManualClock implements Clock {
  #at: Date;
  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    this.#at = new Date(start);
  }
  now(): Date {
    return new Date(this.#at);
  }
  set(at: Date | string): void {
    this.#at = new Date(at);
  }
  advance(ms: number): void {
    this.#at = new Date(this.#at.getTime() + ms);
  }
}

/** ISO-8601 UTC string of the clock's now, the form timestamps take in the database. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

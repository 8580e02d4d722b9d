import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketPriority } from '../../../common/domain.ts';
import { ALWAYS_OPEN, addBusinessMinutes, type BusinessCalendar } from './business-calendar.ts';
import { computeSla, type SlaInput, type SlaPolicy, type StatusSpan } from './sla-clock.ts';
import { KYIV_24X7, KYIV_OFFICE } from './test-calendars.ts';

const d = (iso: string) => new Date(iso);

function policy(calendar: BusinessCalendar, warnAtShare = 0.8): SlaPolicy {
  return {
    firstResponseMinutes: { low: 480, normal: 240, high: 60, urgent: 30 },
    resolutionMinutes: { low: 1440, normal: 480, high: 240, urgent: 60 },
    warnAtShare,
    calendar,
  };
}

function input(over: Partial<SlaInput> & Pick<SlaInput, 'createdAt' | 'now'>): SlaInput {
  return {
    priority: 'normal',
    policy: policy(KYIV_OFFICE),
    timeline: [],
    firstRespondedAt: null,
    resolvedAt: null,
    ...over,
  };
}

const span = (status: string, from: string, to: string | null): StatusSpan => ({
  status,
  from: d(from),
  to: to === null ? null : d(to),
});

// Mon 2 Feb 2026 10:00 in Kyiv (UTC+2); the office works Mon–Fri 09:00–18:00.
const MON_10 = d('2026-02-02T08:00:00Z');

describe('computeSla', () => {
  it('runs a fresh ticket against both targets', () => {
    const { firstResponse, resolution } = computeSla(input({ createdAt: MON_10, now: d('2026-02-02T09:00:00Z') }));
    // First response 240 min → Mon 14:00 Kyiv; warn at 192 min → 13:12 Kyiv.
    expect(firstResponse).toMatchObject({ state: 'running', remainingMinutes: 180, pausedMinutes: 0, warning: false });
    expect(firstResponse.dueAt?.toISOString()).toBe('2026-02-02T12:00:00.000Z');
    expect(firstResponse.warnAt?.toISOString()).toBe('2026-02-02T11:12:00.000Z');
    // Resolution 480 min → Mon 18:00 Kyiv, exactly the closing time.
    expect(resolution.dueAt?.toISOString()).toBe('2026-02-02T16:00:00.000Z');
    expect(resolution.state).toBe('running');
  });

  it('warns at 80% of the target and at a custom share', () => {
    // 24x7: 480 min resolution, warning at 384 min = 06:24 after creation.
    const base = input({
      createdAt: d('2026-03-01T00:00:00Z'),
      now: d('2026-03-01T06:23:59Z'),
      policy: policy(ALWAYS_OPEN),
    });
    expect(computeSla(base).resolution.warnAt?.toISOString()).toBe('2026-03-01T06:24:00.000Z');
    expect(computeSla(base).resolution.warning).toBe(false);
    const later = computeSla({ ...base, now: d('2026-03-01T06:24:00Z') }).resolution;
    expect(later).toMatchObject({ state: 'running', warning: true, remainingMinutes: 96 });
    // Half of 480 min is reached at 04:00.
    const half = computeSla({ ...base, policy: policy(ALWAYS_OPEN, 0.5) }).resolution;
    expect(half.warnAt?.toISOString()).toBe('2026-03-01T04:00:00.000Z');
  });

  it('adds back a pause that spans a night, in business minutes', () => {
    // Waiting for the customer Mon 16:00 – Tue 10:00 Kyiv: paused business time is
    // Mon 16–18 (120) + Tue 09–10 (60) = 180, so resolution is due 480 + 180 business minutes
    // after Mon 10:00 → Tue 12:00 Kyiv. Warning (384 min of work): 360 before the pause + 24 after → Tue 10:24.
    const timeline = [
      span('new', '2026-02-02T08:00:00Z', '2026-02-02T14:00:00Z'),
      span('waiting_customer', '2026-02-02T14:00:00Z', '2026-02-03T08:00:00Z'),
      span('in_progress', '2026-02-03T08:00:00Z', null),
    ];
    const { resolution } = computeSla(input({ createdAt: MON_10, timeline, now: d('2026-02-03T09:00:00Z') }));
    expect(resolution.dueAt?.toISOString()).toBe('2026-02-03T10:00:00.000Z');
    expect(resolution.warnAt?.toISOString()).toBe('2026-02-03T08:24:00.000Z');
    expect(resolution).toMatchObject({ state: 'running', pausedMinutes: 180, remainingMinutes: 60, warning: true });
  });

  it('is paused while waiting, with the due date as if the pause ended now', () => {
    // Waiting since Mon 16:00 Kyiv; now Mon 20:00. 120 business minutes are used up, 120 paused;
    // if work resumed now, the remaining 120 run from Tue 09:00 → Tue 11:00 Kyiv.
    const timeline = [
      span('new', '2026-02-02T08:00:00Z', '2026-02-02T14:00:00Z'),
      span('waiting_customer', '2026-02-02T14:00:00Z', null),
    ];
    const { firstResponse, resolution } = computeSla(
      input({ createdAt: MON_10, timeline, now: d('2026-02-02T18:00:00Z') }),
    );
    expect(resolution).toMatchObject({ state: 'paused', pausedMinutes: 120, remainingMinutes: 120 });
    expect(resolution.dueAt?.toISOString()).toBe('2026-02-03T09:00:00.000Z');
    // First response never pauses: due Mon 14:00 Kyiv, long gone.
    expect(firstResponse).toMatchObject({ state: 'breached', remainingMinutes: -240 });
  });

  it('adds back real time for a pause over the Kyiv DST night on a 24x7 calendar', () => {
    // Created Sat 28 March 20:00 Kyiv (18:00Z), urgent = 60 min. Paused 18:30Z → Sun 08:00 Kyiv
    // (05:00Z, already UTC+3): 10.5 real hours. Due 18:00Z + 60 + 630 min = Sun 05:30Z.
    const timeline = [span('waiting_customer', '2026-03-28T18:30:00Z', '2026-03-29T05:00:00Z')];
    const { resolution } = computeSla(
      input({
        createdAt: d('2026-03-28T18:00:00Z'),
        priority: 'urgent',
        policy: policy(KYIV_24X7),
        timeline,
        now: d('2026-03-29T05:10:00Z'),
      }),
    );
    expect(resolution.dueAt?.toISOString()).toBe('2026-03-29T05:30:00.000Z');
    expect(resolution).toMatchObject({ state: 'running', pausedMinutes: 630, remainingMinutes: 20 });
  });

  it('does not let a pause after the breach un-breach the ticket', () => {
    // Urgent (60 min) on 24x7 created 00:00Z is due 01:00Z; waiting 02:00–03:00Z changes nothing.
    const timeline = [span('waiting_customer', '2026-03-01T02:00:00Z', null)];
    const { resolution } = computeSla(
      input({
        createdAt: d('2026-03-01T00:00:00Z'),
        priority: 'urgent',
        policy: policy(ALWAYS_OPEN),
        timeline,
        now: d('2026-03-01T04:00:00Z'),
      }),
    );
    expect(resolution.dueAt?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(resolution).toMatchObject({ state: 'breached', pausedMinutes: 0, remainingMinutes: -180 });
  });

  it('only counts custom pausing statuses when given', () => {
    const timeline = [span('on_hold', '2026-03-01T00:30:00Z', '2026-03-01T01:30:00Z')];
    const base = input({
      createdAt: d('2026-03-01T00:00:00Z'),
      priority: 'urgent',
      policy: policy(ALWAYS_OPEN),
      timeline,
      now: d('2026-03-01T00:45:00Z'),
    });
    expect(computeSla(base).resolution.dueAt?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    const custom = computeSla({ ...base, pausingStatuses: ['on_hold'] }).resolution;
    // Paused since 00:30; if the pause ended now the remaining 30 min run to 01:15.
    expect(custom).toMatchObject({ state: 'paused', pausedMinutes: 15 });
    expect(custom.dueAt?.toISOString()).toBe('2026-03-01T01:15:00.000Z');
  });

  it('recomputes from createdAt when the priority changes mid-flight', () => {
    // Normal (480 min) ticket from Mon 10:00 Kyiv raised to urgent (60) at 10:30 → due 11:00 Kyiv.
    const now = d('2026-02-02T08:30:00Z');
    const urgent = computeSla(input({ createdAt: MON_10, priority: 'urgent', now })).resolution;
    expect(urgent.dueAt?.toISOString()).toBe('2026-02-02T09:00:00.000Z');
    expect(urgent).toMatchObject({ state: 'running', remainingMinutes: 30 });
    // Urgent lowered to low (1440 = 8h Mon + 9h Tue + 7h Wed) → Wed 16:00 Kyiv.
    const low = computeSla(input({ createdAt: MON_10, priority: 'low', now })).resolution;
    expect(low.dueAt?.toISOString()).toBe('2026-02-04T14:00:00.000Z');
    expect(low.dueAt!.getTime()).toBeGreaterThan(urgent.dueAt!.getTime());
  });

  it('judges met and breached by the event time, an event at the due instant is met', () => {
    const created = d('2026-03-01T00:00:00Z');
    const base = input({ createdAt: created, policy: policy(ALWAYS_OPEN), now: d('2026-03-05T00:00:00Z') });
    // First response (240 min) answered at 04:00Z exactly; resolution (480 min) at 09:00Z, 60 late.
    const r = computeSla({
      ...base,
      firstRespondedAt: d('2026-03-01T04:00:00Z'),
      resolvedAt: d('2026-03-01T09:00:00Z'),
    });
    expect(r.firstResponse).toMatchObject({ state: 'met', remainingMinutes: 0, warning: false });
    expect(r.resolution).toMatchObject({ state: 'breached', remainingMinutes: -60, warning: false });
    // Resolving without a recorded reply counts as the first response.
    const quick = computeSla({ ...base, resolvedAt: d('2026-03-01T01:00:00Z') });
    expect(quick.firstResponse).toMatchObject({ state: 'met', remainingMinutes: 180 });
    expect(quick.resolution).toMatchObject({ state: 'met', remainingMinutes: 420 });
  });

  it('reports none for priorities without a target and validates the policy', () => {
    const p = policy(ALWAYS_OPEN);
    p.resolutionMinutes.low = null;
    const r = computeSla(
      input({ createdAt: d('2026-03-01T00:00:00Z'), priority: 'low', policy: p, now: d('2026-03-02T00:00:00Z') }),
    );
    expect(r.resolution).toEqual({
      dueAt: null,
      warnAt: null,
      state: 'none',
      remainingMinutes: null,
      pausedMinutes: 0,
      warning: false,
    });
    expect(r.firstResponse.state).toBe('breached');
    expect(() =>
      computeSla(
        input({ createdAt: d('2026-03-01T00:00:00Z'), policy: policy(ALWAYS_OPEN, 0), now: d('2026-03-01T00:00:00Z') }),
      ),
    ).toThrow(/warnAtShare/);
    p.firstResponseMinutes.low = -5;
    expect(() =>
      computeSla(
        input({ createdAt: d('2026-03-01T00:00:00Z'), priority: 'low', policy: p, now: d('2026-03-01T00:00:00Z') }),
      ),
    ).toThrow(/firstResponseMinutes/);
  });
});

describe('computeSla properties', () => {
  const priorities: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
  const start = Date.UTC(2026, 0, 1);
  const anyCreated = fc.integer({ min: start, max: start + 300 * 86_400_000 });
  // Up to three pauses, as [offset from creation, length] in ms within two weeks.
  const anyPauses = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 14 * 86_400_000 }), fc.integer({ min: 1, max: 3 * 86_400_000 })),
    {
      maxLength: 3,
    },
  );

  it('due = createdAt + target + added-back paused minutes, and the warning never comes after the due date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(KYIV_OFFICE, KYIV_24X7),
        anyCreated,
        fc.constantFrom(...priorities),
        anyPauses,
        (cal, created, priority, raw) => {
          const timeline = raw.map(([off, len]) => ({
            status: 'waiting_customer',
            from: new Date(created + off),
            to: new Date(created + off + len),
          }));
          const createdAt = new Date(created);
          const now = new Date(created + 400 * 86_400_000);
          const { resolution } = computeSla(input({ createdAt, now, priority, policy: policy(cal), timeline }));
          const target = policy(cal).resolutionMinutes[priority]!;
          expect(resolution.dueAt!.toISOString()).toBe(
            addBusinessMinutes(createdAt, target + resolution.pausedMinutes, cal).toISOString(),
          );
          expect(resolution.pausedMinutes).toBeGreaterThanOrEqual(0);
          expect(resolution.warnAt!.getTime()).toBeLessThanOrEqual(resolution.dueAt!.getTime());
        },
      ),
    );
  });
});

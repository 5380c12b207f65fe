import fc from 'fast-check';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { busEventOf } from '../infra/local/bus.ts';
import { newEvent, type BusEvent, type DomainEvent, type EventDefinition } from '../kernel/events.ts';
import { Store } from '../kernel/store.ts';
import { IssueAcknowledged, IssueEscalated, IssueRaised, IssueRated, IssueResolved, WorkItemBlocked } from '../contracts/coordination.ts';
import { handler } from '../services/coordination/handlers/events.ts';
import { keys } from '../services/coordination/keys.ts';
import { closeMonths } from '../services/coordination/rankings/close.ts';
import { COUNTS } from '../services/coordination/rankings/domain.ts';
import { testTable } from './setup/context.ts';
import { deliver } from './support/coordination.ts';
import { recomputeRankings, type Recomputed } from './support/rankings.ts';

/**
 * The monthly rankings are sums over events that do not depend on their order: random issue and
 * work-item events of three streets and three departments, their times across three China-time
 * months (and some published only after their month closed), each delivered one to three times,
 * shuffled, through the real events handler by two consumers at once against DynamoDB Local, must
 * give exactly the counts of a plain recomputation from the distinct events (test/support/rankings.ts,
 * no code shared). Then the middle month is closed by its job, and more of its events (late
 * deliveries) change nothing of it but its count of events after close.
 */
const table = new Store(testTable('coordination'));
const EVENTS = 300;
const LATE = 40;
const MONTHS = ['2026-10', '2026-11', '2026-12'];
let district = 40;

type Data = Record<string, any>;
interface Generated {
  definition: EventDefinition;
  data: Data;
  occurredAt: string;
}

// 2026-10-25 to 2026-12-05 (UTC), in hours: across the China-time ends of October and November.
const START = Date.UTC(2026, 9, 25);
const HOURS = 41 * 24;
const NOVEMBER_CLOSES = Date.UTC(2026, 11, 3, 16);

function eventsOf(d: string, options: { novemberOnly?: boolean } = {}): fc.Arbitrary<Generated> {
  const street = fc.constantFrom(`${d}/S01`, `${d}/S02`, `${d}/S03`);
  const department = fc.constantFrom('market-supervision', 'sanitation', 'housing');
  const departments = fc.uniqueArray(department, { minLength: 1, maxLength: 3 });
  // Novembers's late deliveries: published in November (China time), before it closed.
  const at = options.novemberOnly
    ? fc.integer({ min: Date.UTC(2026, 9, 31, 16), max: Date.UTC(2026, 10, 30, 15) }).map((ms) => new Date(ms).toISOString())
    : fc.integer({ min: 0, max: HOURS }).map((h) => new Date(START + h * 3_600_000).toISOString());
  // Mostly published when it happened; some four days later (so after its month closed, near a month's end).
  const lag = options.novemberOnly ? fc.constant(0) : fc.constantFrom(0, 0, 0, 0, 4 * 86_400_000);
  const id = fc.constantFrom(...Array.from({ length: 8 }, (_, i) => `id-${i}`));
  const issue = fc.record({ issueId: id, street, category: fc.constant('other' as const), urgency: fc.constant('general' as const) });
  const of = (definition: EventDefinition, field: string, data: fc.Arbitrary<Data>): fc.Arbitrary<Generated> =>
    fc.tuple(data, at, lag).map(([value, time, late]) => ({
      definition,
      data: { ...value, [field]: time },
      occurredAt: new Date(Date.parse(time) + late).toISOString(),
    }));
  const bool = fc.boolean();
  return fc.oneof(
    of(IssueRaised, 'raisedAt', fc.tuple(issue, departments).map(([i, ds]) => ({ ...i, departments: ds, description: 'd', location: 'l', responseDueBy: '2026-12-31T00:00:00.000Z', resolutionDueBy: '2026-12-31T00:00:00.000Z' }))),
    of(IssueAcknowledged, 'acknowledgedAt', fc.tuple(issue, department, bool).map(([i, dep, late]) => ({ ...i, department: dep, late }))),
    of(IssueResolved, 'resolvedAt', fc.tuple(issue, department, bool).map(([i, dep, late]) => ({ ...i, department: dep, note: 'n', late, issueClosed: false, issueOnTime: false }))),
    of(IssueRated, 'ratedAt', fc.tuple(issue, department, fc.integer({ min: 1, max: 5 })).map(([i, dep, score]) => ({ ...i, department: dep, score }))),
    of(IssueEscalated, 'escalatedAt', fc.tuple(issue, departments).map(([i, ds]) => ({ ...i, reason: 'response-overdue', departments: ds, dueBy: '2026-11-01T00:00:00.000Z' }))),
    of(WorkItemBlocked, 'blockedAt', fc.tuple(street, department, id).map(([s, dep, w]) => ({ workItemId: w, department: dep, street: s, community: `${s}/C01`, code: 'WI-99', title: 't', reason: 'not-on-access-list' }))),
  );
}

const toDomainEvent = ({ definition, data, occurredAt }: Generated): DomainEvent =>
  newEvent(definition, 'GENERATED', data, { correlationId: 'prop', now: occurredAt, actor: { sub: 'generator', roles: ['service'] } });

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Deliveries of the events, each one to three times (the same bus event id), shuffled, by two consumers at once. */
async function deliverAll(events: readonly DomainEvent[], copies: readonly number[], seed: number) {
  const copiesOf = (event: DomainEvent, n: number): BusEvent[] => Array.from({ length: n }, () => ({ ...busEventOf(event), id: ulid() }));
  const deliveries = shuffled(events.flatMap((event, i) => copiesOf(event, copies[i % copies.length]!)), seed);
  const half = Math.ceil(deliveries.length / 2);
  await Promise.all([deliver(handler, deliveries.slice(0, half)), deliver(handler, deliveries.slice(half))]);
  return deliveries.length;
}

/** The service's counts of the district, in the recomputation's shape (rows with no count left out). */
async function stored(d: string): Promise<Recomputed> {
  const rows = new Map<string, Record<string, number>>();
  const months = new Map<string, { eventsApplied: number; eventsAfterClose: number }>();
  for (const month of MONTHS) {
    const figures = await table.get<Record<string, any> & { pk: string; sk: string }>(keys.rankingMonth(d, month));
    if (figures) months.set(month, { eventsApplied: Number(figures.eventsApplied ?? 0), eventsAfterClose: Number(figures.eventsAfterClose ?? 0) });
    for (const of of ['departments', 'streets']) {
      for (const subject of of === 'streets' ? [`${d}/S01`, `${d}/S02`, `${d}/S03`] : ['market-supervision', 'sanitation', 'housing']) {
        const item = await table.get<Record<string, any> & { pk: string; sk: string }>(keys.rankingRow(d, month, of, subject));
        if (!item) continue;
        rows.set(`${month} ${of} ${subject}`, Object.fromEntries(COUNTS.filter((c) => item[c] !== undefined).map((c) => [c, Number(item[c])])));
      }
    }
  }
  return { rows, months };
}

/** The recomputation without zero counts (an ADD of 0 is never written). */
function normalised(r: Recomputed): Recomputed {
  return {
    rows: new Map([...r.rows].map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, n]) => n !== 0))])),
    months: new Map([...r.months].map(([k, v]) => [k, v])),
  };
}
const figuresOf = (r: Recomputed) => ({
  rows: Object.fromEntries([...r.rows].sort(([a], [b]) => (a < b ? -1 : 1))),
  months: Object.fromEntries(
    [...r.months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { eventsApplied: v.eventsApplied, eventsAfterClose: v.eventsAfterClose }]),
  ),
});

describe('the monthly rankings', () => {
  it(`equal a recomputation from ${EVENTS} random events delivered with duplicates and out of order, and a closed month stays frozen`, async () => {
    let measured: Record<string, number> | undefined;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 9 }).chain(() => {
          district += 1;
          const d = `D${district}`;
          return fc.record({
            d: fc.constant(d),
            generated: fc.array(eventsOf(d), { minLength: EVENTS, maxLength: EVENTS }),
            late: fc.array(eventsOf(d, { novemberOnly: true }), { minLength: LATE, maxLength: LATE }),
            copies: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: EVENTS, maxLength: EVENTS }),
            seed: fc.integer(),
          });
        }),
        async ({ d, generated, late, copies, seed }) => {
          const started = Date.now();
          const events = generated.map(toDomainEvent);
          const deliveries = await deliverAll(events, copies, seed);
          expect(figuresOf(await stored(d))).toEqual(figuresOf(normalised(recomputeRankings(events))));

          // November closes (its job as of 4 December); late deliveries of November events, and the first ones again.
          const run = await closeMonths(table, { correlationId: 'close', now: new Date(NOVEMBER_CLOSES + 3_600_000).toISOString(), actor: { sub: 'job', roles: ['service'] } });
          expect(String(run.closed)).toContain('2026-11');
          const before = await stored(d);
          const lateEvents = late.map(toDomainEvent);
          await deliverAll([...lateEvents, ...events.slice(0, 50)], [1, 2], seed + 1);
          const after = await stored(d);
          const novemberRows = (r: Recomputed) => Object.fromEntries([...r.rows].filter(([k]) => k.startsWith('2026-11 ')));
          expect(novemberRows(after)).toEqual(novemberRows(before));
          expect(after.months.get('2026-11')!.eventsAfterClose).toBe((before.months.get('2026-11')?.eventsAfterClose ?? 0) + LATE);
          expect(after.months.get('2026-11')!.eventsApplied).toBe(before.months.get('2026-11')!.eventsApplied);
          measured = { events: events.length, deliveries, late: LATE, ms: Date.now() - started };
        },
      ),
      { numRuns: 1, endOnFailure: true },
    );
    console.info('rankings property run:', JSON.stringify(measured));
    expect(measured?.events).toBe(EVENTS);
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busEventOf } from '../infra/local/bus.ts';
import { waitFor } from '../infra/local/wait.ts';
import { newEvent, type BusEvent, type EventDefinition } from '../kernel/events.ts';
import { IssueAcknowledged, IssueEscalated, IssueRaised, IssueRated, IssueResolved, WorkItemBlocked } from '../contracts/coordination.ts';
import { handler } from '../services/coordination/handlers/events.ts';
import { chinaMonth, CSV_COLUMNS } from '../services/coordination/rankings/domain.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, deliver, whistle, type CoordinationTokens } from './support/coordination.ts';

/**
 * The monthly rankings through the local gateway: public, ranked by the three rates with the change
 * from the month before, as JSON and as CSV, a closed month frozen, bad input refused; and a real
 * whistle counted by the events it puts on the bus.
 */
let t: TestCloud;
let as: CoordinationTokens;

beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
  as = await coordinationTokens(t);
});
afterAll(() => t?.stop());

let n = 0;
const issueOf = (street: string) => ({ issueId: `iss-${(n += 1)}`, street, category: 'other', urgency: 'general' });
function event(definition: EventDefinition, data: Record<string, unknown>, at: string): BusEvent {
  return busEventOf(newEvent(definition, 'TEST', data, { correlationId: 'rankings', now: at, actor: { sub: 'test', roles: ['service'] } }));
}
const raised = (street: string, departments: string[], at: string) =>
  event(IssueRaised, { ...issueOf(street), departments, description: 'Blocked fire exit', location: 'Block 4', raisedAt: at, responseDueBy: at, resolutionDueBy: at }, at);
const acknowledged = (street: string, department: string, late: boolean, at: string) =>
  event(IssueAcknowledged, { ...issueOf(street), department, late, acknowledgedAt: at }, at);
const resolved = (street: string, department: string, late: boolean, at: string) =>
  event(IssueResolved, { ...issueOf(street), department, note: 'Done', late, issueClosed: true, issueOnTime: !late, resolvedAt: at }, at);
const rated = (street: string, department: string, score: number, at: string) =>
  event(IssueRated, { ...issueOf(street), department, score, comment: 'Private words of the street', ratedAt: at }, at);
const escalated = (street: string, departments: string[], at: string) =>
  event(IssueEscalated, { ...issueOf(street), reason: 'response-overdue', departments, dueBy: at, escalatedAt: at }, at);
const blocked = (street: string, department: string, at: string) =>
  event(WorkItemBlocked, { workItemId: `wi-${(n += 1)}`, department, street, community: `${street}/C01`, code: 'X-1', title: 'Survey', reason: 'not-on-access-list', blockedAt: at }, at);

const OCT = '2026-10-15T04:00:00.000Z';
const NOV = '2026-11-15T04:00:00.000Z';
// 23:30 on 30 November in China (15:30 UTC): still November.
const NOV_LAST = '2026-11-30T15:30:00.000Z';
const rankings = (query: string, headers?: Record<string, string>) => t.api('GET', `/coordination/rankings?${query}`, headers ? { headers } : {});

describe('the monthly rankings', () => {
  beforeAll(async () => {
    await deliver(handler, [
      // October: sanitation first, market-supervision second.
      raised('D07/S01', ['market-supervision', 'sanitation'], OCT),
      acknowledged('D07/S01', 'sanitation', false, OCT),
      acknowledged('D07/S01', 'market-supervision', true, OCT),
      resolved('D07/S01', 'sanitation', false, OCT),
      // November: market-supervision climbs to first; sanitation falls; housing has no rate (unranked).
      raised('D07/S01', ['market-supervision', 'sanitation'], NOV),
      raised('D07/S02', ['market-supervision', 'housing'], NOV),
      acknowledged('D07/S01', 'market-supervision', false, NOV),
      acknowledged('D07/S02', 'market-supervision', false, NOV),
      acknowledged('D07/S01', 'sanitation', true, NOV),
      resolved('D07/S01', 'market-supervision', false, NOV),
      resolved('D07/S01', 'sanitation', true, NOV),
      rated('D07/S01', 'market-supervision', 5, NOV),
      rated('D07/S02', 'market-supervision', 3, NOV_LAST),
      rated('D07/S01', 'sanitation', 2, NOV),
      escalated('D07/S02', ['housing', 'sanitation'], NOV),
      blocked('D07/S01', 'sanitation', NOV),
    ]);
  });

  it('are public: the departments of a district by the three rates, with the change from the month before', async () => {
    const got = await rankings('district=D07&month=2026-11&of=departments');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ district: 'D07', month: '2026-11', of: 'departments', previousMonth: '2026-10', closed: false, closedAt: null, eventsAfterClose: 0 });
    expect(got.body.closesAt).toBe('2026-12-03T16:00:00.000Z');
    expect(got.body.items.map((r: any) => [r.subject, r.rank, r.previousRank, r.rankChange])).toEqual([
      ['market-supervision', 1, 2, 1],
      ['sanitation', 2, 1, -1],
      ['housing', null, null, null],
    ]);
    const [market, sanitation, housing] = got.body.items;
    expect(market).toMatchObject({ received: 2, responses: 2, responseRate: 1, resolutionRate: 1, ratings: 2, averageRating: 4, satisfactionRate: 0.5, score: 0.8333, escalations: 0 });
    expect(market.scoreChange).toBe(0.8333);
    expect(sanitation).toMatchObject({ received: 1, responseRate: 0, resolutionRate: 0, satisfactionRate: 0, score: 0, escalations: 1, blockedWorkItems: 1, scoreChange: -1 });
    expect(housing).toMatchObject({ received: 1, escalations: 1, score: null });
  });

  it('rank streets the same way (equal scores share a place), and count an event by its own China-time month', async () => {
    const got = await rankings('district=D07&month=2026-11&of=streets');
    expect(got.status).toBe(200);
    // S01: 1 of 2 on time, 1 of 2 resolved in time, 1 of 2 rated 4-5; S02: 1 of 1, none resolved, 0 of 1 (the 23:30 rating counts in November).
    expect(got.body.items.map((r: any) => [r.subject, r.score, r.rank])).toEqual([['D07/S01', 0.5, 1], ['D07/S02', 0.5, 1]]);
    expect(got.body.items[1]).toMatchObject({ subject: 'D07/S02', received: 1, ratings: 1, averageRating: 3, escalations: 1 });
    const october = await rankings('district=D07&month=2026-10&of=streets');
    expect(october.body.items).toEqual([expect.objectContaining({ subject: 'D07/S01', received: 1, responses: 2, rank: 1, previousRank: null })]);
  });

  it('answer as CSV for format=csv and for Accept: text/csv, the same rows with null as empty', async () => {
    const json = await rankings('district=D07&month=2026-11');
    for (const got of [await rankings('district=D07&month=2026-11&format=csv'), await rankings('district=D07&month=2026-11', { accept: 'text/csv' })]) {
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(got.headers.get('content-disposition')).toBe('inline; filename="rankings-D07-2026-11-departments.csv"');
      const lines = (got.body as unknown as string).trimEnd().split('\n');
      expect(lines[0]).toBe(CSV_COLUMNS.join(','));
      expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(json.body.items.map((r: any) => r.subject));
      expect(lines[3]).toBe(`,housing,1,0,0,,0,0,,0,,,1,0,,,,`);
    }
    expect((await rankings('district=D07&month=2026-11', { accept: 'application/json, text/csv;q=0' })).headers.get('content-type')).toMatch(/json/);
  });

  it('default to the current China-time month and to departments', async () => {
    const got = await rankings('district=D07');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ month: chinaMonth(new Date().toISOString()), of: 'departments' });
  });

  it('refuse bad input with problem+json, naming the field', async () => {
    for (const [query, field] of [
      ['', 'query.district'],
      ['district=D01/S03', 'query.district'],
      ['district=D07&month=2026-13', 'query.month'],
      ['district=D07&month=November', 'query.month'],
      ['district=D07&of=people', 'query.of'],
      ['district=D07&format=xml', 'query.format'],
      ['district=D07&street=D07/S01', 'query'],
    ] as const) {
      const got = await rankings(query);
      expect(got.status, query).toBe(400);
      expect(got.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(got.body.errors ?? got.body), query).toContain(field);
    }
  });

  it('freeze a month once its job closed it: a late event counts only as after close', { timeout: 120_000 }, async () => {
    const before = await rankings('district=D07&month=2026-11&of=departments');
    // Three days after November ends (China time) the daily job closes it; before that it does not.
    const early = await t.cloud.runSchedule('coordination/deadline-check', { time: new Date('2026-12-03T15:00:00.000Z') });
    expect(early.closed).toBe('2026-10');
    expect((await rankings('district=D07&month=2026-11')).body.closed).toBe(false);
    // 17:00 UTC is 01:00 on 4 December in China: the day's first run, after November's close.
    expect((await t.cloud.runSchedule('coordination/deadline-check', { time: new Date('2026-12-03T17:00:00.000Z') })).closed).toBe('2026-11');
    // A November event delivered late (redriven from a dead-letter queue), and one published after the close.
    await deliver(handler, [acknowledged('D07/S01', 'housing', false, NOV), { ...acknowledged('D07/S01', 'housing', false, '2026-11-29T00:00:00.000Z') }]);
    const after = await rankings('district=D07&month=2026-11&of=departments');
    expect(after.body).toMatchObject({ closed: true, closedAt: '2026-12-03T17:00:00.000Z', eventsAfterClose: 2 });
    expect(after.body.items).toEqual(before.body.items);
    expect(after.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await t.cloud.runSchedule('coordination/deadline-check', { time: new Date('2026-12-04T17:00:00.000Z') })).closed).toBe('none');
  });

  it('count a real whistle: raised and reported in through the gateway, ranked by the events on the bus', async () => {
    const raisedIssue = await t.api('POST', '/coordination/issues', { token: as.s03, body: whistle({ departments: ['market-supervision'] }) });
    expect(raisedIssue.status).toBe(201);
    expect((await t.api('POST', `/coordination/issues/${raisedIssue.body.id}/acknowledge`, { token: as.market })).status).toBe(200);
    const month = chinaMonth(raisedIssue.body.raisedAt);
    const row = await waitFor('the whistle in the rankings', async () => {
      const got = await rankings(`district=D01&month=${month}`);
      const market = got.body.items.find((r: any) => r.subject === 'market-supervision');
      return market?.received === 1 && market.responses === 1 ? market : undefined;
    });
    expect(row).toMatchObject({ responsesOnTime: 1, responseRate: 1, rank: 1 });
  });
});

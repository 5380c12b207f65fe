import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, type Item } from '../kernel/store.ts';
import { keys } from '../services/coordination/keys.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, issueRaisedAt, minutesAfter, whistle, type CoordinationTokens } from './support/coordination.ts';
import { published } from './support/saga.ts';

/**
 * Whistles through the local gateway: raise, report in, resolve, rate, list; deadlines with a clock
 * the test sets (issues raised through the store at a chosen time, the schedule run as of a chosen
 * time); escalations onto the next joint meeting.
 */
let t: TestCloud;
let as: CoordinationTokens;
let table: Store;

beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
  as = await coordinationTokens(t);
  table = new Store(t.cloud.tables.coordination!);
});
afterAll(() => t?.stop());

const raise = (token: string, body: object = whistle()) => t.api('POST', '/coordination/issues', { token, body });
const act = (token: string, id: string, what: string, body?: object) =>
  t.api('POST', `/coordination/issues/${id}/${what}`, { token, ...(body ? { body } : {}) });

async function historyOf(issueId: string, detailType: string): Promise<Item[]> {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': keys.issue(issueId).pk, ':h': 'HISTORY#' },
      ConsistentRead: true,
    }),
  );
  return ((out.Items ?? []) as Item[]).filter((h) => h.detailType === detailType);
}

async function openIssuesOfD01(): Promise<number> {
  const out = await table.doc.send(
    new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.issuesOf('D01', 'open') }, Select: 'COUNT' }),
  );
  return out.Count ?? 0;
}

describe('raising an issue', () => {
  it('a street official whistles: 201, open, deadlines from now, IssueRaised on the bus', async () => {
    const raised = await raise(as.s03, whistle({ departments: ['market-supervision', 'sanitation'] }));
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ street: 'D01/S03', status: 'open', overdue: false, responses: { sanitation: { status: 'open' } } });
    expect(Date.parse(raised.body.responseDueBy) - Date.parse(raised.body.raisedAt)).toBe(30 * 60_000);
    expect(Date.parse(raised.body.resolutionDueBy) - Date.parse(raised.body.raisedAt)).toBe(2 * 3600_000);
    await published(t, 'IssueRaised', raised.body.id);
  });

  it('a community worker whistles for their own community, not for another (403)', async () => {
    const own = await raise(as.c07, whistle({ urgency: 'general' }));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ community: 'D01/S03/C07', street: 'D01/S03' });
    expect((await raise(as.c07, whistle({ community: 'D01/S03/C08' }))).status).toBe(403);
    expect((await t.api('GET', `/coordination/issues/${own.body.id}`, { token: as.c07 })).status).toBe(200);
    expect((await t.api('GET', `/coordination/issues/${own.body.id}`, { token: as.c08 })).status).toBe(403);
    expect((await raise(as.s04, whistle({ community: 'D01/S03/C08' }))).status).toBe(403);
  });

  it('bad input is 400 with the failing fields and writes nothing; other roles 403; no token 401', async () => {
    // Events of the earlier tests may still reach the scorecard; what a refusal must not write is an issue.
    const before = await openIssuesOfD01();
    const bad = await raise(as.s03, whistle({ urgency: 'whenever', departments: [], extra: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.departments', 'body.extra', 'body.urgency']);
    expect((await t.api('POST', '/coordination/issues', { token: as.s03, rawBody: '{"category":' })).status).toBe(400);
    expect((await raise(as.resident)).status).toBe(403);
    expect((await raise(as.market)).status).toBe(403);
    expect((await raise('')).status).toBe(401);
    expect(await openIssuesOfD01()).toBe(before);
  });
});

describe('reporting in and resolving', () => {
  it('only a named department reports in (others 403), once (409), and resolves after reporting in', async () => {
    const { body: issue } = await raise(as.s03, whistle({ departments: ['market-supervision'] }));
    expect((await act(as.sanitation, issue.id, 'acknowledge')).status).toBe(403);
    expect((await act(as.otherDistrictMarket, issue.id, 'acknowledge')).status).toBe(403);
    expect((await act(as.noDepartmentClaim, issue.id, 'acknowledge')).status).toBe(403);
    expect((await act(as.s03, issue.id, 'acknowledge')).status).toBe(403);
    expect((await act(as.market, issue.id, 'resolve', { note: 'Done' })).status).toBe(409);

    const acknowledged = await act(as.market, issue.id, 'acknowledge');
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', responses: { 'market-supervision': { acknowledgedLate: false } } });
    expect((await act(as.market, issue.id, 'acknowledge')).status).toBe(409);

    expect((await act(as.market, issue.id, 'resolve', {})).status).toBe(400);
    const resolved = await act(as.market, issue.id, 'resolve', { note: 'Cylinders removed; owner fined.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect((await act(as.market, issue.id, 'resolve', { note: 'again' })).status).toBe(409);
  });

  it('an unknown issue is 404, a malformed id 400', async () => {
    expect((await act(as.market, '01JAAAAAAAAAAAAAAAAAAAAAAA', 'acknowledge')).status).toBe(404);
    expect((await act(as.market, 'not-an-id', 'acknowledge')).status).toBe(400);
  });
});

describe('the 30-minute response deadline, with the clock set by the test', () => {
  // The minute either side of the deadline is the domain's test (issues/domain.test.ts); here the
  // issues are raised far enough either side of it that no slowness of the machine moves them across.
  it('reported in within the 30 minutes after the whistle is on time; after them, late', async () => {
    const now = new Date().toISOString();
    const early = await issueRaisedAt(table, minutesAfter(now, -10));
    const overdue = await issueRaisedAt(table, minutesAfter(now, -50));
    const onTime = await act(as.market, early.id, 'acknowledge');
    const late = await act(as.market, overdue.id, 'acknowledge');
    expect(onTime.body.responses['market-supervision']).toMatchObject({ acknowledgedLate: false });
    expect(late.body.responses['market-supervision']).toMatchObject({ acknowledgedLate: true });
    expect((await historyOf(early.id, 'IssueAcknowledged'))[0]!.detail).toContain('"late":false');
    expect((await historyOf(overdue.id, 'IssueAcknowledged'))[0]!.detail).toContain('"late":true');
  });
});

describe('ratings', () => {
  it('once per department, only by the raising street, only after the department resolved', async () => {
    const { body: issue } = await raise(as.s03, whistle({ departments: ['market-supervision', 'sanitation'] }));
    expect((await act(as.s03, issue.id, 'rating', { department: 'market-supervision', score: 5 })).status).toBe(409);
    await act(as.market, issue.id, 'acknowledge');
    await act(as.market, issue.id, 'resolve', { note: 'Done' });

    expect((await act(as.s04, issue.id, 'rating', { department: 'market-supervision', score: 5 })).status).toBe(403);
    expect((await act(as.c07, issue.id, 'rating', { department: 'market-supervision', score: 5 })).status).toBe(403);
    expect((await act(as.s03, issue.id, 'rating', { department: 'market-supervision', score: 6 })).status).toBe(400);
    expect((await act(as.s03, issue.id, 'rating', { department: 'market-supervision', score: 2.5 })).status).toBe(400);
    const rated = await act(as.s03, issue.id, 'rating', { department: 'market-supervision', score: 4, comment: 'Quick, but left a mess.' });
    expect(rated.status).toBe(200);
    expect(rated.body.responses['market-supervision']).toMatchObject({ rating: 4, ratingComment: 'Quick, but left a mess.' });
    expect((await act(as.s03, issue.id, 'rating', { department: 'market-supervision', score: 1 })).status).toBe(409);
    const ratings = await historyOf(issue.id, 'IssueRated');
    expect(ratings.map((h) => JSON.parse(h.detail as string).data)).toMatchObject([{ score: 4, comment: 'Quick, but left a mess.' }]);
  });
});

describe('lists', () => {
  it('a street sees its own; a department only its own, by its own status; the district all; overdue by deadline', async () => {
    const { body: mine } = await raise(as.s03, whistle({ departments: ['sanitation', 'housing'] }));
    await act(as.sanitation, mine.id, 'acknowledge');
    const overdue = await issueRaisedAt(table, minutesAfter(new Date().toISOString(), -45), { departments: ['housing'] });

    const ids = (r: { body: Record<string, any> }) => (r.body.items as Array<{ id: string }>).map((i) => i.id);
    const street = await t.api('GET', '/coordination/issues?status=open&limit=100', { token: as.s03 });
    expect(ids(street)).toEqual(expect.arrayContaining([mine.id, overdue.id]));
    expect(ids(await t.api('GET', '/coordination/issues?street=D01/S04', { token: as.s04 }))).not.toContain(mine.id);
    expect((await t.api('GET', '/coordination/issues?street=D01/S03', { token: as.s04 })).status).toBe(403);

    // sanitation has reported in: for sanitation the issue is acknowledged; for housing still open.
    expect(ids(await t.api('GET', '/coordination/issues?status=acknowledged&limit=100', { token: as.sanitation }))).toContain(mine.id);
    expect(ids(await t.api('GET', '/coordination/issues?status=open&limit=100', { token: as.housing }))).toContain(mine.id);
    expect((await t.api('GET', '/coordination/issues?department=housing', { token: as.sanitation })).status).toBe(403);

    const late = await t.api('GET', '/coordination/issues?status=open&overdue=true&limit=100', { token: as.admin });
    expect(ids(late)).toContain(overdue.id);
    expect(ids(late)).not.toContain(mine.id);
    expect(late.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect((await t.api('GET', '/coordination/issues?status=resolved&overdue=true', { token: as.admin })).status).toBe(400);
    expect((await t.api('GET', '/coordination/issues?status=closed', { token: as.admin })).status).toBe(400);
  });
});

describe('escalation on the deadline schedule, onto the next joint meeting', () => {
  const agendaIds = (meeting: Record<string, any>) => (meeting.escalatedIssues as Array<{ issueId: string }>).map((a) => a.issueId);

  const meetingOf = (district: string, startsInMs: number) => ({
    title: `Joint meeting of ${district} on safety`,
    startsAt: new Date(Date.now() + startsInMs).toISOString(),
    endsAt: new Date(Date.now() + startsInMs + 2 * 3600_000).toISOString(),
    hostStreet: `${district}/S01`,
    members: { departments: ['market-supervision'], streets: [`${district}/S01`], zoneCommittees: [] },
    agenda: ['Gas safety in restaurants'],
  });

  /** `count` issues of a district that has no meeting, escalated and waiting for one; and the district's office. */
  async function waitingIssuesOf(district: string, count: number) {
    const raisedAt = '2025-04-07T02:00:00.000Z';
    const issues = [];
    for (let i = 0; i < count; i += 1) issues.push((await issueRaisedAt(table, raisedAt, { street: `${district}/S01` })).id);
    await t.cloud.runSchedule('deadline-check', { time: new Date(minutesAfter(raisedAt, 31)) });
    const admin = await t.token({ sub: `${district.toLowerCase()}-joint-office`, roles: ['district-admin'], jurisdiction: district });
    for (const id of issues) {
      const escalation = JSON.parse((await historyOf(id, 'IssueEscalated'))[0]!.detail as string).data;
      if (escalation.meetingId !== undefined) throw new Error(`${district} has a meeting: issue ${id} did not wait`);
    }
    return { admin, issues };
  }

  const meeting = (startsInMs: number) => ({
    title: 'Joint meeting on safety',
    startsAt: new Date(Date.now() + startsInMs).toISOString(),
    endsAt: new Date(Date.now() + startsInMs + 2 * 3600_000).toISOString(),
    hostStreet: 'D01/S03',
    members: { departments: ['market-supervision', 'housing'], streets: ['D01/S03'], zoneCommittees: ['Zhongguancun zone committee'] },
    agenda: ['Gas safety in restaurants'],
  });

  it('an unacknowledged issue escalates exactly once, though the schedule fires twice (and twice at once); waits for the next meeting', async () => {
    const issue = await issueRaisedAt(table, '2025-01-06T02:00:00.000Z');
    await t.cloud.runSchedule('deadline-check', { time: new Date(minutesAfter(issue.raisedAt, 29)) });
    expect(await historyOf(issue.id, 'IssueEscalated')).toHaveLength(0);

    const at31 = new Date(minutesAfter(issue.raisedAt, 31));
    await Promise.all([t.cloud.runSchedule('deadline-check', { time: at31 }), t.cloud.runSchedule('deadline-check', { time: at31 })]);
    await t.cloud.runSchedule('deadline-check', { time: new Date(minutesAfter(issue.raisedAt, 300)) });
    const escalations = await historyOf(issue.id, 'IssueEscalated');
    expect(escalations).toHaveLength(1);
    expect(JSON.parse(escalations[0]!.detail as string).data).toMatchObject({ reason: 'response-overdue', departments: ['market-supervision'] });
    expect(JSON.parse(escalations[0]!.detail as string).data.meetingId).toBeUndefined();

    // No meeting was convened yet: the next one takes it onto its agenda by itself.
    const convened = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meeting(7 * 86_400_000) });
    expect(convened.status).toBe(201);
    expect(agendaIds(convened.body)).toContain(issue.id);
    const read = await t.api('GET', `/coordination/meetings/${convened.body.id}`, { token: as.admin });
    expect(agendaIds(read.body)).toContain(issue.id);
    // It is taken once: a second meeting does not take it again.
    const second = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meeting(14 * 86_400_000) });
    expect(agendaIds(second.body)).not.toContain(issue.id);
  });

  it('an issue that waited says which meeting took it, as one escalated onto a meeting already convened does', async () => {
    const district = await waitingIssuesOf('D07', 1);
    const convened = await t.api('POST', '/coordination/meetings', { token: district.admin, body: meetingOf('D07', 7 * 86_400_000) });

    const issue = await t.api('GET', `/coordination/issues/${district.issues[0]}`, { token: district.admin });
    expect(agendaIds(convened.body)).toEqual(district.issues);
    expect(issue.body.escalation).toMatchObject({ reason: 'response-overdue', meetingId: convened.body.id });
  });

  it('meetings convened at once all succeed, and each waiting issue joins exactly one of them, which its escalation names', async () => {
    const district = await waitingIssuesOf('D08', 8);

    const convened = await Promise.all(
      [1, 2, 3, 4].map((week) => t.api('POST', '/coordination/meetings', { token: district.admin, body: meetingOf('D08', week * 7 * 86_400_000) })),
    );

    expect(convened.map((c) => c.status)).toEqual([201, 201, 201, 201]);
    const reads = await Promise.all(convened.map((c) => t.api('GET', `/coordination/meetings/${c.body.id}`, { token: district.admin })));
    const takenBy = new Map<string, string[]>();
    for (const read of reads) for (const id of agendaIds(read.body)) takenBy.set(id, [...(takenBy.get(id) ?? []), read.body.id]);
    expect([...takenBy.keys()].sort()).toEqual([...district.issues].sort());
    expect([...takenBy.values()].filter((meetings) => meetings.length !== 1)).toEqual([]);
    // What each meeting answered when convened is what it reads now.
    expect(convened.map((c) => agendaIds(c.body))).toEqual(reads.map((r) => agendaIds(r.body)));
    const issues = await Promise.all(district.issues.map((id) => t.api('GET', `/coordination/issues/${id}`, { token: district.admin })));
    expect(issues.map((i) => [i.body.id, i.body.escalation.meetingId])).toEqual(district.issues.map((id) => [id, takenBy.get(id)![0]]));
  });

  it('once a meeting is convened, an issue escalated before it starts joins that meeting’s agenda at once', async () => {
    const issue = await issueRaisedAt(table, '2025-02-03T02:00:00.000Z', { urgency: 'utility', departments: ['housing'] });
    const next = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meeting(3 * 86_400_000) });
    await t.cloud.runSchedule('deadline-check', { time: new Date(minutesAfter(issue.raisedAt, 40)) });
    const escalation = JSON.parse((await historyOf(issue.id, 'IssueEscalated'))[0]!.detail as string).data;
    // The district's next meeting as of the escalation: the earliest not yet started.
    const read = await t.api('GET', `/coordination/meetings/${escalation.meetingId}`, { token: as.admin });
    expect(read.body.escalatedIssues.map((a: { issueId: string }) => a.issueId)).toContain(issue.id);
    expect(Date.parse(read.body.startsAt)).toBeLessThanOrEqual(Date.parse(next.body.startsAt));
  });

  it('an issue acknowledged in time escalates only when its resolution deadline passes', async () => {
    const issue = await issueRaisedAt(table, '2025-03-03T02:00:00.000Z', { departments: ['sanitation'] });
    // Reported in through the API: its deadline to resolve is then what runs.
    await act(as.sanitation, issue.id, 'acknowledge');
    await t.cloud.runSchedule('deadline-check', { time: new Date(minutesAfter(issue.raisedAt, 119)) });
    expect(await historyOf(issue.id, 'IssueEscalated')).toHaveLength(0);
    await t.cloud.runSchedule('deadline-check', { time: new Date(minutesAfter(issue.raisedAt, 121)) });
    const escalations = await historyOf(issue.id, 'IssueEscalated');
    expect(escalations.map((e) => JSON.parse(e.detail as string).data.reason)).toEqual(['resolution-overdue']);
  });
});

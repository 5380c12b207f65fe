import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { Store } from '../kernel/store.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, whistle, type CoordinationTokens } from './support/coordination.ts';
import { published } from './support/saga.ts';

/**
 * Joint meetings and their decisions, the work-item access list, property companies, department
 * performance and the scorecard's coordination figures, through the local gateway and bus.
 */
let t: TestCloud;
let as: CoordinationTokens;
let table: Store;
/** Before anything this file does: whatever changed the scorecard, changed it after this. */
let startedAt: number;

beforeAll(async () => {
  startedAt = Date.now();
  t = await startTestCloud({ scheduleTimers: false });
  as = await coordinationTokens(t);
  table = new Store(t.cloud.tables.coordination!);
});
afterAll(() => t?.stop());

const meetingBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Joint meeting: property management in the old town',
  startsAt: '2030-05-06T09:00:00+08:00',
  endsAt: '2030-05-06T11:00:00+08:00',
  hostStreet: 'D01/S03',
  members: { departments: ['housing', 'market-supervision'], streets: ['D01/S03', 'D01/S04'], zoneCommittees: [] },
  agenda: ['Lift repairs in ageing blocks'],
  ...overrides,
});

async function decided(overrides: Record<string, unknown> = {}) {
  const meeting = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meetingBody() });
  const decision = await t.api('POST', `/coordination/meetings/${meeting.body.id}/decisions`, {
    token: as.admin,
    body: { title: 'Adopt the 2030 list of community work items', ownerDepartment: 'civil-affairs', deadline: '2030-06-30', ...overrides },
  });
  return { meeting: meeting.body, decision: decision.body, status: decision.status };
}

async function meetingsOfD01(): Promise<number> {
  const out = await table.doc.send(
    new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'MEETINGS#D01' }, Select: 'COUNT' }),
  );
  return out.Count ?? 0;
}

describe('joint meetings', () => {
  it('convening asks premises for a venue (VenueRequested, host street preferred); the meeting waits for the answer', async () => {
    const convened = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meetingBody() });
    expect(convened.status).toBe(201);
    expect(convened.body).toMatchObject({ district: 'D01', venue: { status: 'requested' }, startsAt: '2030-05-06T01:00:00.000Z', attendees: 4 });
    const request = await published(t, 'VenueRequested', convened.body.id);
    expect(request.detail).toMatchObject({ data: { meetingId: convened.body.id, preferredStreet: 'D01/S03', attendees: 4 } });
    await published(t, 'MeetingConvened', convened.body.id);
  });

  it('a meeting with nothing escalated reads an empty agenda: none of its history or state items', async () => {
    const convened = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meetingBody() });
    // Its history (MeetingConvened, VenueRequested) and state share the partition of its agenda items.
    await published(t, 'MeetingConvened', convened.body.id);

    const read = await t.api('GET', `/coordination/meetings/${convened.body.id}`, { token: as.admin });

    expect(read.status).toBe(200);
    expect(read.body.escalatedIssues).toEqual([]);
    // One shape in every answer: what convening answered is what a read shows (the venue may have been answered meanwhile).
    expect(read.body).toEqual({ ...convened.body, venue: read.body.venue, version: read.body.version });
  });

  it('only the district office convenes and decides (403 otherwise, another district too); bad input 400 writes nothing', async () => {
    // Answers from other services may still arrive and write; what a refusal must not write is a meeting.
    const before = await meetingsOfD01();
    expect((await t.api('POST', '/coordination/meetings', { token: as.market, body: meetingBody() })).status).toBe(403);
    expect((await t.api('POST', '/coordination/meetings', { token: as.otherAdmin, body: meetingBody() })).status).toBe(403);
    expect((await t.api('POST', '/coordination/meetings', { token: as.admin, body: meetingBody({ endsAt: '2030-05-06T08:00:00+08:00' }) })).status).toBe(400);
    expect((await t.api('POST', '/coordination/meetings', { token: as.admin, body: meetingBody({ members: {} }) })).status).toBe(400);
    expect(await meetingsOfD01()).toBe(before);
    const { meeting } = await decided();
    const decision = { title: 'x', ownerDepartment: 'housing', deadline: '2030-06-30' };
    expect((await t.api('POST', `/coordination/meetings/${meeting.id}/decisions`, { token: as.otherAdmin, body: decision })).status).toBe(403);
    expect((await t.api('POST', `/coordination/meetings/${meeting.id}/decisions`, { token: as.admin, body: { ...decision, fundingFen: 12.5 } })).status).toBe(400);
    expect((await t.api('GET', `/coordination/meetings/${meeting.id}`, { token: as.s03 })).status).toBe(403);
  });

  it('a decision with money asks funding for it (FundingRequested, integer fen, for the host street by default)', async () => {
    const { decision, status } = await decided({ fundingFen: 3_500_000_00, purpose: 'Lift repairs' });
    expect(status).toBe(201);
    expect(decision).toMatchObject({ funding: { status: 'requested', amountFen: 350_000_000 }, street: 'D01/S03' });
    const request = await published(t, 'FundingRequested', decision.id);
    expect(request.detail).toMatchObject({ data: { decisionId: decision.id, street: 'D01/S03', amountFen: 350_000_000, ownerDepartment: 'civil-affairs' } });
    // Finance has not answered: the meeting shows the decision as recording it answered.
    const read = await t.api('GET', `/coordination/meetings/${decision.meetingId}`, { token: as.admin });
    expect(read.body.decisions).toEqual([decision]);
  });
});

describe('the work-item access list', () => {
  let decisionId: string;
  const approved: unknown[] = [];
  beforeAll(async () => {
    decisionId = (await decided()).decision.id;
    const item = (code: string, departments: string[] = []) => ({ code, title: `Item ${code}`, description: 'Approved work item', departments, decisionId });
    for (const body of [item('WI-01'), item('WI-02', ['civil-affairs'])]) {
      const response = await t.api('POST', '/coordination/access-list/items', { token: as.admin, body });
      expect(response.status).toBe(201);
      approved.push(response.body);
    }
  });

  it('an item joins only by a joint-meeting decision of the district (422), once per code (409); the list is public', async () => {
    const body = { code: 'WI-09', title: 'Census help', description: 'd', decisionId: '01JAAAAAAAAAAAAAAAAAAAAAAA' };
    expect((await t.api('POST', '/coordination/access-list/items', { token: as.admin, body })).status).toBe(422);
    expect((await t.api('POST', '/coordination/access-list/items', { token: as.admin, body: { ...body, code: 'WI-01', decisionId } })).status).toBe(409);
    expect((await t.api('POST', '/coordination/access-list/items', { token: as.market, body: { ...body, decisionId } })).status).toBe(403);
    const list = await t.api('GET', '/coordination/access-list?district=D01');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(approved);
    expect((await t.api('GET', '/coordination/access-list')).status).toBe(400);
  });

  it('a listed item reaches the community; an unlisted one is blocked with the reason (422) and reaches no community', async () => {
    const push = (token: string, code: string) =>
      t.api('POST', '/coordination/work-items', { token, body: { code, community: 'D01/S03/C07', title: `Task ${code}`, description: 'Please do' } });
    const accepted = await push(as.market, 'WI-01');
    expect(accepted.status).toBe(201);
    const blocked = await push(as.market, 'WI-99');
    expect(blocked.status).toBe(422);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(blocked.body).toMatchObject({ reason: 'not-on-access-list', status: 422 });
    expect((await push(as.market, 'WI-02')).body.reason).toBe('not-for-this-department');
    // A department token without its department claim acts as no department.
    expect((await push(as.noDepartmentClaim, 'WI-01')).status).toBe(403);
    await published(t, 'WorkItemBlocked', blocked.body.blockedId);

    const community = await t.api('GET', '/coordination/communities/D01-S03-C07/work-items', { token: as.c07 });
    expect(community.body.items).toEqual([accepted.body]);
    expect((await t.api('GET', '/coordination/communities/D01-S03-C07/work-items', { token: as.c08 })).status).toBe(403);
  });

  it('no role and no payload gets an unlisted item to a community', async () => {
    const communities = ['D01/S03/C07', 'D01/S03/C08', 'D01/S04/C01'];
    const tokens = [as.market, as.sanitation, as.admin, as.s03, as.c07, as.resident, as.finance, as.noDepartmentClaim, as.otherDistrictMarket];
    const unlisted = fc.string({ minLength: 1, maxLength: 12 }).filter((c) => c !== 'WI-01' && c !== 'WI-02');
    const payload = fc.record(
      {
        code: fc.oneof(unlisted, fc.constantFrom('WI-02', 'wi-01', 'WI-01 ', ' WI-01')),
        community: fc.oneof(fc.constantFrom(...communities), fc.string()),
        title: fc.string({ maxLength: 30 }),
        description: fc.string({ maxLength: 30 }),
        dueOn: fc.constantFrom('2030-01-01', 'tomorrow'),
        extra: fc.anything(),
      },
      { requiredKeys: ['code'] },
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tokens), payload, async (token, body) => {
        const response = await t.api('POST', '/coordination/work-items', { token, body });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // Only sanitation may push (WI-02 is for civil-affairs only), and only WI-01 is open to it.
        return response.status !== 201;
      }),
      { numRuns: 150 },
    );
    for (const community of communities) {
      const out = await table.doc.send(
        new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `WORKITEMS#${community}` } }),
      );
      // The one accepted item of the test before, and nothing else.
      expect((out.Items ?? []).map((i) => i.code), community).toEqual(community === 'D01/S03/C07' ? ['WI-01'] : []);
    }
    expect([...statuses.keys()].filter((s) => ![400, 403, 422].includes(s)), JSON.stringify([...statuses])).toEqual([]);
  });
});

describe('property companies', () => {
  it('registered by a street for its communities, named on issues, rated from them (public)', async () => {
    const registered = await t.api('POST', '/coordination/property-companies', {
      token: as.s03,
      body: { name: 'Jinding Property Services', communities: ['D01/S03/C07', 'D01/S03/C08'] },
    });
    expect(registered.status).toBe(201);
    expect((await t.api('POST', '/coordination/property-companies', { token: as.s03, body: { name: 'X', communities: ['D01/S04/C01'] } })).status).toBe(422);
    expect((await t.api('POST', '/coordination/property-companies', { token: as.s04, body: { name: 'X', street: 'D01/S03', communities: ['D01/S03/C01'] } })).status).toBe(403);
    const company = registered.body.id;
    expect((await t.api('POST', '/coordination/issues', { token: as.s04, body: whistle({ propertyCompanyId: company }) })).status).toBe(422);

    const issue = await t.api('POST', '/coordination/issues', {
      token: as.c07,
      body: whistle({ category: 'property-management', urgency: 'utility', departments: ['housing'], propertyCompanyId: company }),
    });
    await t.api('POST', `/coordination/issues/${issue.body.id}/acknowledge`, { token: as.housing });
    await t.api('POST', `/coordination/issues/${issue.body.id}/resolve`, { token: as.housing, body: { note: 'Lift repaired by the company' } });
    await t.api('POST', `/coordination/issues/${issue.body.id}/rating`, { token: as.s03, body: { department: 'housing', score: 3 } });

    const read = await t.api('GET', `/coordination/property-companies/${company}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ ...registered.body, ratings: 1, averageRating: 3 });
    const issues = await t.api('GET', `/coordination/property-companies/${company}/issues`);
    expect(issues.body.items).toEqual([
      { id: issue.body.id, street: 'D01/S03', community: 'D01/S03/C07', category: 'property-management', urgency: 'utility', status: 'resolved', raisedAt: issue.body.raisedAt, ratings: { housing: 3 } },
    ]);
    expect((await t.api('GET', '/coordination/property-companies/01JAAAAAAAAAAAAAAAAAAAAAAA/issues')).status).toBe(404);
  });
});

describe('a street’s property companies', () => {
  it('are listed by street in the order registered, paged by cursor, public; bad input is 400 naming the field', async () => {
    const names = ['Beiqiao Property', 'Liuwan Estates', 'Lijia Services'];
    const ids: string[] = [];
    for (const name of names) {
      const made = await t.api('POST', '/coordination/property-companies', { token: as.s04, body: { name, communities: ['D01/S04/C01'] } });
      expect(made.status).toBe(201);
      ids.push(made.body.id);
    }
    const first = await t.api('GET', '/coordination/property-companies?street=D01%2FS04&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((c: any) => [c.id, c.name, c.street])).toEqual([
      [ids[0], names[0], 'D01/S04'],
      [ids[1], names[1], 'D01/S04'],
    ]);
    expect(first.body.items[0]).toEqual((await t.api('GET', `/coordination/property-companies/${ids[0]}`)).body);
    const rest = await t.api('GET', `/coordination/property-companies?street=D01%2FS04&limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(rest.body.items.map((c: any) => c.id)).toEqual([ids[2]]);
    expect(rest.body.cursor).toBeUndefined();
    expect((await t.api('GET', '/coordination/property-companies?street=D01%2FS02')).body.items).toEqual([]);

    for (const [query, field] of [
      ['', 'query.street'],
      ['?street=D01', 'query.street'],
      ['?street=D01%2FS04&cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
      ['?street=D01%2FS04&limit=0', 'query.limit'],
    ]) {
      const bad = await t.api('GET', `/coordination/property-companies${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field), query).toContain(field);
    }
  });
});

describe('department performance', () => {
  it('response, resolution and satisfaction rates, overdue and blocked items; a department reads only its own', async () => {
    const perf = await t.api('GET', '/coordination/departments/housing/performance', { token: as.housing });
    expect(perf.status).toBe(200);
    expect(perf.body).toMatchObject({ assigned: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 0, averageRating: 3, overdue: 0 });
    const market = await t.api('GET', '/coordination/departments/market-supervision/performance', { token: as.admin });
    // WI-99 and WI-02 above, and whatever the property test's well-formed payloads tried.
    expect(market.body.blockedWorkItems).toBeGreaterThanOrEqual(2);
    expect((await t.api('GET', '/coordination/departments/housing/performance', { token: as.market })).status).toBe(403);
    expect((await t.api('GET', '/coordination/departments/housing/performance', { token: as.s03 })).status).toBe(403);
    expect((await t.api('GET', '/coordination/departments/Housing!/performance', { token: as.admin })).status).toBe(400);
  });
});

describe('the scorecard’s coordination figures, from the bus', () => {
  it('moves with the street’s issues, ratings and blocked work items, and says when it last changed', async () => {
    const card = await waitFor('the scorecard to count the rating and the blocked items', async () => {
      const read = await t.api('GET', '/coordination/streets/D01-S03/scorecard', { token: as.s03 });
      const c = read.body.coordination;
      return c && c.ratings >= 1 && c.workItemsBlocked >= 2 && c.issuesClosed >= 1 ? read.body : undefined;
    });
    expect(card.coordination).toMatchObject({ issuesRaised: 1, issuesClosed: 1, averageRating: 3, workItemsAccepted: 1 });
    expect(Date.parse(card.changedAt)).toBeGreaterThanOrEqual(startedAt);
    expect((await t.api('GET', '/coordination/streets/D01-S03/scorecard', { token: as.s04 })).status).toBe(403);
    expect((await t.api('GET', '/coordination/streets/D01-S03/scorecard', { token: as.admin })).status).toBe(200);
    expect((await t.api('GET', '/coordination/streets/S03/scorecard', { token: as.admin })).status).toBe(400);
  });
});

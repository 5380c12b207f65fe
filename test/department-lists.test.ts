import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, type CoordinationTokens } from './support/coordination.ts';
import { planBody, positionBody, recruitmentTokens, type RecruitmentTokens } from './support/recruitment.ts';

/**
 * Lists the officials' consoles read: a department's work items (accepted, and blocked with the
 * reason) and a street's draft positions (drafted, not yet published). Success, refusal, bad input.
 */
let t: TestCloud;
let as: CoordinationTokens;
let rs: RecruitmentTokens;

beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
  as = await coordinationTokens(t);
  rs = await recruitmentTokens(t);
});
afterAll(() => t?.stop());

describe('a department’s work items', () => {
  const push = (token: string, code: string, community = 'D01/S03/C07') =>
    t.api('POST', '/coordination/work-items', { token, body: { code, community, title: `Task ${code}`, description: 'Please do', dueOn: '2030-07-01' } });
  const list = (token: string, query = '') => t.api('GET', `/coordination/departments/market-supervision/work-items${query}`, { token });

  beforeAll(async () => {
    const meeting = await t.api('POST', '/coordination/meetings', {
      token: as.admin,
      body: {
        title: 'Joint meeting: the year’s work items',
        startsAt: '2030-05-06T09:00:00+08:00',
        endsAt: '2030-05-06T11:00:00+08:00',
        hostStreet: 'D01/S03',
        members: { departments: ['market-supervision'], streets: ['D01/S03'], zoneCommittees: [] },
        agenda: ['The access list'],
      },
    });
    const decision = await t.api('POST', `/coordination/meetings/${meeting.body.id}/decisions`, {
      token: as.admin,
      body: { title: 'Adopt the list', ownerDepartment: 'civil-affairs', deadline: '2030-06-30' },
    });
    for (const [code, departments] of [['DW-01', []], ['DW-02', ['housing']]] as const) {
      const body = { code, title: `Item ${code}`, description: 'Approved', departments, decisionId: decision.body.id };
      expect((await t.api('POST', '/coordination/access-list/items', { token: as.admin, body })).status).toBe(201);
    }
  });

  it('lists what reached a community and what was blocked, each with its reason, newest first, paged by cursor', async () => {
    expect((await push(as.market, 'DW-01')).status).toBe(201);
    expect((await push(as.market, 'DW-01', 'D01/S03/C08')).status).toBe(201);
    expect((await push(as.market, 'DW-99')).status).toBe(422);
    expect((await push(as.market, 'DW-02')).status).toBe(422);
    expect((await push(as.housing, 'DW-02')).status).toBe(201);

    const accepted = await list(as.market);
    expect(accepted.status).toBe(200);
    expect(accepted.body.items.map((i: { community: string }) => i.community)).toEqual(['D01/S03/C08', 'D01/S03/C07']);
    expect(accepted.body.items[0]).toMatchObject({ status: 'accepted', code: 'DW-01', department: 'market-supervision', street: 'D01/S03', district: 'D01', dueOn: '2030-07-01' });
    expect(accepted.body.items[0].reason).toBeUndefined();

    const blocked = await list(as.market, '?status=blocked');
    expect(blocked.body.items.map((i: { code: string; reason: string }) => [i.code, i.reason])).toEqual([
      ['DW-02', 'not-for-this-department'],
      ['DW-99', 'not-on-access-list'],
    ]);

    const first = await list(as.market, '?status=blocked&limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await list(as.market, `?status=blocked&limit=1&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.body.items.map((i: { code: string }) => i.code)).toEqual(['DW-99']);
    expect(second.body.cursor).toBeUndefined();

    // The district office reads every department's; housing's is its own.
    expect((await list(as.admin, '?district=D01')).body.items).toHaveLength(2);
    const housing = await t.api('GET', '/coordination/departments/housing/work-items', { token: as.housing });
    expect(housing.body.items.map((i: { code: string }) => i.code)).toEqual(['DW-02']);
  });

  it('a department reads only its own; other roles and other districts are refused', async () => {
    for (const token of [as.sanitation, as.s03, as.c07, as.finance, as.otherAdmin, as.otherDistrictMarket]) {
      const refused = await list(token, '?district=D01');
      expect(refused.status, token).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.api('GET', '/coordination/departments/market-supervision/work-items')).status).toBe(401);
  });

  it('bad input is a 400 naming the field', async () => {
    const status = await list(as.market, '?status=pending');
    expect(status.status).toBe(400);
    expect(JSON.stringify(status.body.errors)).toContain('status');
    expect((await list(as.market, '?district=Beijing')).status).toBe(400);
    expect((await list(as.market, '?cursor=not-a-cursor')).status).toBe(400);
    expect((await t.api('GET', '/coordination/departments/Not_A_Dept/work-items', { token: as.market })).status).toBe(400);
  });
});

describe('a street’s draft positions', () => {
  const drafts = (token: string | undefined, street = 'D01-S03', query = '') =>
    t.api('GET', `/recruitment/streets/${street}/draft-positions${query}`, token ? { token } : {});

  beforeAll(async () => {
    expect((await t.api('POST', '/recruitment/plans', { token: rs.org, body: planBody() })).status).toBe(201);
  });

  it('lists the street’s drafts newest first, as the office sees them; a published one leaves the list', async () => {
    const ids: string[] = [];
    for (const title of ['Grid worker', 'Community affairs officer', 'Archivist']) {
      const drafted = await t.api('POST', '/recruitment/positions', { token: title === 'Archivist' ? rs.officialS03 : rs.org, body: positionBody({ title }) });
      expect(drafted.status).toBe(201);
      ids.push(drafted.body.id);
    }
    expect((await t.api('POST', '/recruitment/positions', { token: rs.org, body: positionBody({ street: 'D01/S04' }) })).status).toBe(201);

    const listed = await drafts(rs.org);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { title: string }) => p.title)).toEqual(['Archivist', 'Community affairs officer', 'Grid worker']);
    expect(listed.body.items[0]).toMatchObject({ id: ids[2], status: 'draft', street: 'D01/S03', district: 'D01', applications: 0 });
    expect(listed.body.items[0].draftedBy).toBeUndefined();
    expect((await drafts(rs.officialS03)).body.items).toHaveLength(3);

    const page = await drafts(rs.org, 'D01-S03', '?limit=2');
    expect(page.body.items).toHaveLength(2);
    const rest = await drafts(rs.org, 'D01-S03', `?limit=2&cursor=${encodeURIComponent(page.body.cursor)}`);
    expect(rest.body.items.map((p: { title: string }) => p.title)).toEqual(['Grid worker']);

    expect((await t.api('POST', `/recruitment/positions/${ids[1]}/publish`, { token: rs.org })).status).toBe(200);
    expect((await drafts(rs.org)).body.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[0]]);
    // Never on the public board.
    const board = await t.api('GET', '/recruitment/positions?street=D01/S03');
    expect(board.body.items.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
  });

  it('only the district’s organization department and the street’s officials read them', async () => {
    for (const token of [rs.officialS04, rs.orgElsewhere, rs.admin, await rs.resident('resident-drafts')]) {
      const refused = await drafts(token);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await drafts(undefined)).status).toBe(401);
  });

  it('bad input is a 400 naming the field', async () => {
    const street = await drafts(rs.org, 'D01/S03'.replace('/', '_'));
    expect(street.status).toBe(400);
    expect((await drafts(rs.org, 'D01-S03', '?limit=0')).status).toBe(400);
    expect((await drafts(rs.org, 'D01-S03', '?cursor=xyz')).status).toBe(400);
    expect((await drafts(rs.org, 'D01-S03', '?status=draft')).status).toBe(400);
  });
});

describe('a department’s evaluations', () => {
  const request = (token: string, title: string) =>
    t.api('POST', '/authority/evaluations', {
      token,
      body: { title, period: '2026-H1', units: [{ street: 'D01/S03', name: 'Station S03' }, { street: 'D01/S04', name: 'Station S04' }] },
    });
  const list = (token: string | undefined, query = '') => t.api('GET', `/authority/evaluations${query}`, token ? { token } : {});

  it('lists its own, newest first, each with the opinions it waits for or was given, paged by cursor', async () => {
    const first = await request(as.market, 'Stations, first half');
    const second = await request(as.market, 'Stations, follow-up');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await request(as.sanitation, 'Sanitation stations')).status).toBe(201);
    expect((await t.api('POST', `/authority/evaluations/${first.body.id}/opinions`, { token: as.committee, body: { rating: 'good', text: 'Answers within a day.' } })).status).toBe(200);

    const listed = await list(as.market);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e: { title: string }) => e.title)).toEqual(['Stations, follow-up', 'Stations, first half']);
    const opinions = listed.body.items[1].opinions.map((o: { street: string; status: string }) => [o.street, o.status]);
    expect(opinions).toEqual([
      ['D01/S03', 'given'],
      ['D01/S04', 'waiting'],
    ]);
    expect(listed.body.items[1]).toMatchObject({ status: 'awaiting-opinions', department: 'market-supervision', period: '2026-H1' });

    const page = await list(as.market, '?limit=1');
    expect(page.body.items.map((e: { id: string }) => e.id)).toEqual([second.body.id]);
    const rest = await list(as.market, `?limit=1&cursor=${encodeURIComponent(page.body.cursor)}`);
    expect(rest.body.items.map((e: { id: string }) => e.id)).toEqual([first.body.id]);
    expect(rest.body.cursor).toBeUndefined();
  });

  it('a department reads only its own; other roles and districts are refused', async () => {
    const refused = await list(as.sanitation, '?department=market-supervision');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    for (const token of [as.committee, as.admin, as.s03, as.finance]) expect((await list(token, '?department=market-supervision&district=D01')).status).toBe(403);
    expect((await list(as.otherDistrictMarket, '?district=D01')).status).toBe(403);
    expect((await list(undefined)).status).toBe(401);
  });

  it('bad input is a 400 naming the field', async () => {
    const limit = await list(as.market, '?limit=0');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body.errors)).toContain('limit');
    expect((await list(as.market, '?district=Beijing')).status).toBe(400);
    expect((await list(as.market, '?department=Market_Supervision')).status).toBe(400);
    expect((await list(as.market, '?cursor=abc')).status).toBe(400);
    expect((await list(as.market, '?status=final')).status).toBe(400);
  });
});

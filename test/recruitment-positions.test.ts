import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { planBody, positionBody, publishedPosition, recruitmentTokens, type RecruitmentTokens } from './support/recruitment.ts';

/** The annual plan, drafting and publishing within it, and the public board's filters. */
let t: TestCloud;
let as: RecruitmentTokens;

beforeAll(async () => {
  t = await startTestCloud();
  as = await recruitmentTokens(t);
  expect((await t.api('POST', '/recruitment/plans', { token: as.org, body: planBody() })).status).toBe(201);
});
afterAll(() => t?.stop());

const draft = (token: string, body: object = positionBody()) => t.api('POST', '/recruitment/positions', { token, body });
const publish = (token: string, id: string) => t.api('POST', `/recruitment/positions/${id}/publish`, { token });
const planOf = async (year = 2030) => (await t.api('GET', `/recruitment/plans/D01/${year}`, { token: as.org })).body;

describe('the annual plan', () => {
  it('shows each street’s posts, reserved posts and what remains', async () => {
    const plan = await t.api('GET', '/recruitment/plans/D01/2030', { token: as.admin });
    expect(plan.status).toBe(200);
    expect(plan.body.streets).toEqual([
      { street: 'D01/S03', posts: 40, reserved: 10, published: 0, remaining: 40, remainingOpen: 30 },
      { street: 'D01/S04', posts: 40, reserved: 10, published: 0, remaining: 40, remainingOpen: 30 },
      { street: 'D01/S05', posts: 40, reserved: 10, published: 0, remaining: 40, remainingOpen: 30 },
    ]);
  });

  it('a second plan for the same district and year is 409 and writes nothing', async () => {
    const before = await t.count('recruitment');
    const again = await t.api('POST', '/recruitment/plans', { token: as.org, body: planBody() });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('D01 already has a recruitment plan for 2030.');
    expect(await t.count('recruitment')).toBe(before);
  });

  it('only the district’s organization department adopts it; others are 403', async () => {
    for (const token of [as.officialS03, as.orgElsewhere, as.admin]) {
      expect((await t.api('POST', '/recruitment/plans', { token, body: planBody({ year: 2040 }) })).status).toBe(403);
    }
    expect((await t.api('GET', '/recruitment/plans/D01/2030', { token: as.orgElsewhere })).status).toBe(403);
    expect((await t.api('GET', '/recruitment/plans/D01/2030', { token: as.officialS03 })).status).toBe(403);
  });

  it('a year without a plan is 404', async () => {
    expect((await t.api('GET', '/recruitment/plans/D01/2041', { token: as.org })).status).toBe(404);
  });
});

describe('drafting', () => {
  it('a street official drafts for their own street; for another street it is 403 and writes nothing', async () => {
    expect((await draft(as.officialS03)).status).toBe(201);
    const before = await t.count('recruitment');
    expect((await draft(as.officialS04)).status).toBe(403);
    expect((await draft(await as.resident('resident-x'))).status).toBe(403);
    expect(await t.count('recruitment')).toBe(before);
  });
});

describe('publishing within the plan', () => {
  it('draws the quota from the street’s remaining posts', async () => {
    const before = (await planOf()).streets[1].remaining;
    const id = (await draft(as.officialS04, positionBody({ street: 'D01/S04', quota: 3 }))).body.id;
    const published = await publish(as.org, id);
    expect(published.status).toBe(200);
    expect((await planOf()).streets[1].remaining).toBe(before - 3);
  });

  it('a position over the plan’s remaining posts for its street is 409, and the plan is unchanged', async () => {
    const id = (await draft(as.org, positionBody({ street: 'D01/S04', quota: 25 }))).body.id;
    expect((await publish(as.org, id)).status).toBe(200);
    const over = (await draft(as.org, positionBody({ street: 'D01/S04', quota: 20 }))).body.id;
    const before = await planOf();
    const response = await publish(as.org, over);
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/needs 20 posts but the 2030 plan has \d+ left for D01\/S04/);
    expect(await planOf()).toEqual(before);
    expect((await t.api('GET', `/recruitment/positions/${over}`)).status).toBe(404);
  });

  it('posts reserved for village cadres and community workers stay theirs', async () => {
    // S05: 40 posts, 10 reserved. An open position may take 30; then only a reserved-pool one fits.
    const open = positionBody({ street: 'D01/S05', quota: 25, eligibility: { sourcePools: ['other', 'village-cadre'] } });
    expect((await publish(as.org, (await draft(as.org, open)).body.id)).status).toBe(200);
    const moreOpen = (await draft(as.org, { ...open, quota: 6 })).body.id;
    const refused = await publish(as.org, moreOpen);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/reserved for village cadres and community workers/);
    const reserved = positionBody({ street: 'D01/S05', quota: 10, eligibility: { sourcePools: ['village-cadre', 'community-worker'] } });
    expect((await publish(as.org, (await draft(as.org, reserved)).body.id)).status).toBe(200);
  });

  it('ten positions published at once never overdraw the plan: those that fit succeed, the rest are 409', async () => {
    expect((await t.api('POST', '/recruitment/plans', { token: as.org, body: planBody({ year: 2031, streets: [{ street: 'D01/S06', posts: 5, reserved: 0 }] }) })).status).toBe(201);
    const ids = await Promise.all(
      Array.from({ length: 10 }, async () => (await draft(as.org, positionBody({ street: 'D01/S06', quota: 1, year: 2031 }))).body.id as string),
    );
    const statuses = (await Promise.all(ids.map((id) => publish(as.org, id)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    expect((await planOf(2031)).streets[0]).toMatchObject({ posts: 5, published: 5, remaining: 0 });
  });

  it('a position of a year with no plan is 409', async () => {
    const id = (await draft(as.org, positionBody({ year: 2045 }))).body.id;
    const response = await publish(as.org, id);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('The 2045 plan of D01 has no posts for D01/S03.');
  });

  it('publishing twice is 409; a street official or another district’s department is 403', async () => {
    const id = (await draft(as.org)).body.id;
    expect((await publish(as.officialS03, id)).status).toBe(403);
    expect((await publish(as.orgElsewhere, id)).status).toBe(403);
    expect((await publish(as.org, id)).status).toBe(200);
    expect((await publish(as.org, id)).status).toBe(409);
  });

  it('an unknown position is 404', async () => {
    expect((await publish(as.org, '01JAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });
});

describe('the public board', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await t.api('POST', '/recruitment/plans', {
      token: as.org,
      body: planBody({ year: 2032, streets: [{ street: 'D01/S07', posts: 20, reserved: 0 }, { street: 'D01/S08', posts: 20, reserved: 0 }] }),
    });
    for (const [name, street, kind] of [
      ['a', 'D01/S07', 'civil-servant'],
      ['b', 'D01/S07', 'community-worker'],
      ['c', 'D01/S08', 'civil-servant'],
      ['d', 'D01/S08', 'community-worker'],
    ] as const) {
      ids[name] = await publishedPosition(t, as.org, positionBody({ title: `Post ${name}`, street, kind, year: 2032, eligibility: { sourcePools: ['other'] } }));
    }
    ids.draft = (await draft(as.org, positionBody({ street: 'D01/S07', kind: 'civil-servant', year: 2032 }))).body.id;
  });

  const board = async (query: string) => (await t.api('GET', `/recruitment/positions?${query}`)).body.items.map((p: { title: string }) => p.title);

  it('filters by street, by kind, and by both; newest first', async () => {
    expect(await board('street=D01/S07')).toEqual(['Post b', 'Post a']);
    expect(await board('street=D01/S08&kind=civil-servant')).toEqual(['Post c']);
    expect((await board('kind=community-worker&limit=100')).filter((title: string) => /^Post [a-d]$/.test(title))).toEqual(['Post d', 'Post b']);
  });

  it('never lists a draft', async () => {
    const all = await t.api('GET', '/recruitment/positions?street=D01/S07&kind=civil-servant');
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([ids.a]);
  });

  it('pages with an opaque cursor and a bounded limit; a list of exactly one page has no cursor', async () => {
    const first = await t.api('GET', '/recruitment/positions?street=D01/S08&limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await t.api('GET', `/recruitment/positions?street=D01/S08&limit=1&cursor=${first.body.cursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.cursor).toBeUndefined();
    const whole = await t.api('GET', '/recruitment/positions?street=D01/S08&limit=2');
    expect(whole.body.cursor).toBeUndefined();
    // A cursor of one list is refused by another.
    const mixed = await t.api('GET', `/recruitment/positions?street=D01/S07&limit=1&cursor=${first.body.cursor}`);
    expect(mixed.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import {
  fittingProfile,
  planBody,
  positionBody,
  publishedPosition,
  recruitmentTokens,
  unfitProfile,
  type RecruitmentTokens,
} from './support/recruitment.ts';

/** Applications through the local gateway: one per applicant and position, own lists only, scoring. */
let t: TestCloud;
let as: RecruitmentTokens;
let positionId: string;

beforeAll(async () => {
  t = await startTestCloud();
  as = await recruitmentTokens(t);
  expect((await t.api('POST', '/recruitment/plans', { token: as.org, body: planBody() })).status).toBe(201);
  positionId = await publishedPosition(t, as.org);
});
afterAll(() => t?.stop());

const apply = (token: string, body: object = { name: 'Wu Fang', profile: fittingProfile }, id = positionId) =>
  t.api('POST', `/recruitment/positions/${id}/applications`, { token, body });

describe('one application per applicant and position (100 at once: test/races.test.ts)', () => {
  it('a second application later is 409 too, and the first stands', async () => {
    const token = await as.resident('resident-twice');
    expect((await apply(token)).status).toBe(201);
    const second = await apply(token, { name: 'Wu Fang', profile: { ...fittingProfile, yearsOfService: 9 } });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    const mine = await t.api('GET', '/recruitment/me/applications', { token });
    expect(mine.body.items.map((a: { profile: { yearsOfService: number } }) => a.profile.yearsOfService)).toEqual([5]);
  });

  it('the same applicant may apply to another position', async () => {
    const token = await as.resident('resident-twice');
    const other = await publishedPosition(t, as.org, positionBody({ title: 'Grid worker', kind: 'community-worker' }));
    expect((await apply(token, undefined, other)).status).toBe(201);
    const mine = await t.api('GET', '/recruitment/me/applications', { token });
    expect(mine.body.items.map((a: { positionId: string }) => a.positionId)).toEqual([other, positionId]);
  });
});

describe('who sees which application', () => {
  it('an applicant sees only their own applications, with status and reasons', async () => {
    const [li, ma] = [await as.resident('resident-li'), await as.resident('resident-ma')];
    await apply(li, { name: 'Li Min', profile: fittingProfile });
    await apply(ma, { name: 'Ma Tao', profile: unfitProfile });

    const lis = await t.api('GET', '/recruitment/me/applications', { token: li });
    expect(lis.body.items).toEqual([expect.objectContaining({ name: 'Li Min', applicant: 'resident-li', status: 'eligible' })]);
    const mas = await t.api('GET', '/recruitment/me/applications', { token: ma });
    expect(mas.body.items).toEqual([expect.objectContaining({ name: 'Ma Tao', status: 'ineligible' })]);
    expect(mas.body.items[0].reasons).toHaveLength(3);
  });

  it('a street official cannot list a position’s applications (403), nor another district’s organization department', async () => {
    for (const token of [as.officialS03, as.orgElsewhere, await as.resident('resident-li')]) {
      const response = await t.api('GET', `/recruitment/positions/${positionId}/applications`, { token });
      expect(response.status).toBe(403);
      expect(response.body.type).toMatch(/forbidden$/);
    }
  });

  it('the organization department lists them in order of submission, whatever their status, in pages; or those of one status', async () => {
    const position = await publishedPosition(t, as.org, positionBody({ title: 'Paged' }));
    for (const [i, profile] of [fittingProfile, unfitProfile, fittingProfile, fittingProfile, unfitProfile].entries()) {
      expect((await apply(await as.resident(`resident-page-${i}`), { name: `Person ${i}`, profile }, position)).status).toBe(201);
    }
    const eligible = await t.api('GET', `/recruitment/positions/${position}/applications?status=eligible`, { token: as.org });
    expect(eligible.body.items.map((a: { name: string }) => a.name)).toEqual(['Person 0', 'Person 2', 'Person 3']);

    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.api('GET', `/recruitment/positions/${position}/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: as.org });
      names.push(...page.body.items.map((a: { name: string }) => a.name));
      cursor = page.body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4']);
  });

  it('a cursor of another list is 400', async () => {
    const first = await t.api('GET', `/recruitment/positions/${positionId}/applications?limit=1`, { token: as.org });
    const mine = await t.api('GET', `/recruitment/me/applications?cursor=${first.body.cursor}`, { token: await as.resident('resident-li') });
    expect(mine.status).toBe(400);
    expect(mine.body.errors[0].field).toBe('query.cursor');
  });
});

describe('the application window and the position', () => {
  it('before the window opens is 409', async () => {
    const later = await publishedPosition(
      t,
      as.org,
      positionBody({ opensAt: new Date(Date.now() + 86_400_000).toISOString(), closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString() }),
    );
    const response = await apply(await as.resident('resident-early'), undefined, later);
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/open at/);
  });

  it('a draft or an unknown position is 404 to an applicant', async () => {
    const draft = await t.api('POST', '/recruitment/positions', { token: as.org, body: positionBody() });
    expect((await apply(await as.resident('resident-early'), undefined, draft.body.id)).status).toBe(404);
    expect((await apply(await as.resident('resident-early'), undefined, '01JAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('only residents apply: an official is 403 and writes nothing', async () => {
    const before = await t.count('recruitment');
    expect((await apply(as.officialS03)).status).toBe(403);
    expect(await t.count('recruitment')).toBe(before);
  });
});

describe('scoring', () => {
  it('the organization department scores an eligible application, and may correct it', async () => {
    const created = await apply(await as.resident('resident-scored'));
    const first = await t.api('POST', `/recruitment/applications/${created.body.id}/score`, { token: as.org, body: { score: 71 } });
    const corrected = await t.api('POST', `/recruitment/applications/${created.body.id}/score`, { token: as.org, body: { score: 74 } });
    expect([first.status, corrected.status]).toEqual([200, 200]);
    expect(corrected.body).toMatchObject({ score: 74, status: 'eligible' });
    expect(corrected.body).not.toHaveProperty('version');
  });

  it('an ineligible application is 409', async () => {
    const created = await apply(await as.resident('resident-unfit'), { name: 'Gao Yu', profile: unfitProfile });
    const response = await t.api('POST', `/recruitment/applications/${created.body.id}/score`, { token: as.org, body: { score: 90 } });
    expect(response.status).toBe(409);
  });

  it('a street official, or another district’s department, is 403; an unknown application 404', async () => {
    const created = await apply(await as.resident('resident-guarded'));
    for (const token of [as.officialS03, as.orgElsewhere]) {
      expect((await t.api('POST', `/recruitment/applications/${created.body.id}/score`, { token, body: { score: 90 } })).status).toBe(403);
    }
    const unknown = await t.api('POST', '/recruitment/applications/01JAAAAAAAAAAAAAAAAAAAAAAA/score', { token: as.org, body: { score: 9 } });
    expect(unknown.status).toBe(404);
  });
});

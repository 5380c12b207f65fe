import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from './support/clock.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { drained, published } from './support/saga.ts';
import {
  fittingProfile,
  planBody,
  positionBody,
  recruitmentTokens,
  unfitProfile,
  type RecruitmentTokens,
} from './support/recruitment.ts';

/**
 * The job board end to end, through the local gateway (real signed JWTs), the relay and the bus:
 * plan → position → publish → public list → apply → score → close → the hire on the roster and in
 * the street's staffing. The window is a day long; the test ends it by moving the gateway's clock
 * past `closesAt`, so nothing depends on how fast the machine gets there.
 */
let t: TestCloud;
let as: RecruitmentTokens;
let chen: string;
let zhou: string;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestCloud({ clock: clock.now });
  as = await recruitmentTokens(t);
  chen = await as.resident('resident-chen');
  zhou = await as.resident('resident-zhou');
});
afterAll(() => t?.stop());

describe('the job board, from plan to roster', () => {
  let positionId: string;
  let chenApplication: Record<string, any>;
  let zhouApplication: Record<string, any>;

  it('the organization department adopts the plan and drafts a position; a draft is not on the board', async () => {
    const plan = await t.api('POST', '/recruitment/plans', { token: as.org, body: planBody() });
    expect(plan.status).toBe(201);
    expect(plan.body.streets[0]).toMatchObject({ street: 'D01/S03', posts: 40, reserved: 10, remaining: 40 });

    const draft = await t.api('POST', '/recruitment/positions', {
      token: as.org,
      body: positionBody({ quota: 1, title: 'Social work station officer' }),
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', street: 'D01/S03', year: 2030 });
    positionId = draft.body.id;

    expect((await t.api('GET', `/recruitment/positions/${positionId}`)).status).toBe(404);
  });

  it('publishing puts it on the public board, which needs no token', async () => {
    const publish = await t.api('POST', `/recruitment/positions/${positionId}/publish`, { token: as.org });
    expect(publish.status).toBe(200);
    expect(publish.body.status).toBe('published');

    const board = await t.api('GET', '/recruitment/positions?street=D01/S03&kind=career-establishment');
    expect(board.status).toBe(200);
    expect(board.body.items).toEqual([
      expect.objectContaining({ id: positionId, title: 'Social work station officer', status: 'published', window: 'open' }),
    ]);
    const one = await t.api('GET', `/recruitment/positions/${positionId}`);
    expect(one.body).toMatchObject({ id: positionId, window: 'open', quota: 1 });
  });

  it('applicants apply and are screened at once: eligible, or ineligible with every reason', async () => {
    const apply = (token: string, name: string, profile: object) =>
      t.api('POST', `/recruitment/positions/${positionId}/applications`, { token, body: { name, profile } });
    const [fits, unfit] = await Promise.all([apply(chen, 'Chen Jing', fittingProfile), apply(zhou, 'Zhou Lei', unfitProfile)]);
    expect(fits.status).toBe(201);
    expect(fits.body).toMatchObject({ status: 'eligible', reasons: [] });
    expect(unfit.status).toBe(201);
    expect(unfit.body.status).toBe('ineligible');
    expect(unfit.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['source-pool', 'years-of-service', 'education']);
    chenApplication = fits.body;
    zhouApplication = unfit.body;
  });

  it('the organization department scores the eligible application', async () => {
    const scored = await t.api('POST', `/recruitment/applications/${chenApplication.id}/score`, { token: as.org, body: { score: 86.5 } });
    expect(scored.status).toBe(200);
    expect(scored.body.score).toBe(86.5);
  });

  it('before its window ends a position cannot be closed (409)', async () => {
    const early = await t.api('POST', `/recruitment/positions/${positionId}/close`, { token: as.org });

    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/takes applications until/);
  });

  it('after the window, closing hires the best: the hire is on the roster and in staffing', async () => {
    const position = await t.api('GET', `/recruitment/positions/${positionId}`);
    clock.passInstant(position.body.closesAt);
    expect((await t.api('GET', `/recruitment/positions/${positionId}`)).body.window).toBe('ended');

    const closed = await t.api('POST', `/recruitment/positions/${positionId}/close`, { token: as.org });
    expect(closed.status).toBe(200);
    expect(closed.body.position).toMatchObject({ status: 'filled', hired: 1 });
    expect(closed.body.hired).toEqual([expect.objectContaining({ applicationId: chenApplication.id, name: 'Chen Jing', rank: 1 })]);
    const staffId = closed.body.hired[0].staffId as string;

    const roster = await t.api('GET', '/recruitment/staff', { token: as.officialS03 });
    expect(roster.status).toBe(200);
    expect(roster.body.items).toEqual([
      expect.objectContaining({ id: staffId, name: 'Chen Jing', street: 'D01/S03', status: 'in-post', positionId }),
    ]);

    const staffing = await t.api('GET', '/recruitment/streets/D01-S03/staffing', { token: as.officialS03 });
    expect(staffing.body).toEqual({
      street: 'D01/S03',
      publishedQuota: 1,
      filled: 1,
      vacancies: 0,
      vacancyRate: 0,
      onSecondment: 0,
      secondmentRate: 0,
      flaggedSecondments: 0,
    });

    const hired = await published(t, 'StaffHired', staffId);
    expect(hired.detail).toMatchObject({ data: { staffId, name: 'Chen Jing', street: 'D01/S03', rank: 1, score: 86.5 } });
  });

  it('each applicant sees the outcome in their own list', async () => {
    const mine = await t.api('GET', '/recruitment/me/applications', { token: chen });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: chenApplication.id, status: 'hired', rank: 1 })]);
    const theirs = await t.api('GET', '/recruitment/me/applications', { token: zhou });
    expect(theirs.body.items).toEqual([expect.objectContaining({ id: zhouApplication.id, status: 'ineligible' })]);
  });

  it('the board lists the position as filled', async () => {
    const filled = await t.api('GET', '/recruitment/positions?status=filled');
    expect(filled.body.items).toEqual([expect.objectContaining({ id: positionId, status: 'filled', hired: 1, window: 'ended' })]);
    const open = await t.api('GET', '/recruitment/positions');
    expect(open.body.items.map((p: { id: string }) => p.id)).not.toContain(positionId);
  });

  it('closing twice is 409 and emits nothing', async () => {
    await drained(t);
    const before = t.published.length;
    const again = await t.api('POST', `/recruitment/positions/${positionId}/close`, { token: as.org });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    await drained(t);
    expect(t.published.length).toBe(before);
  });

  it('no public route carries an applicant’s personal data', async () => {
    const pages = await Promise.all([
      t.api('GET', '/recruitment/positions?status=filled'),
      t.api('GET', '/recruitment/positions?status=published'),
      t.api('GET', `/recruitment/positions/${positionId}`),
      t.api('GET', `/recruitment/positions?street=D01/S03&status=filled&kind=career-establishment`),
    ]);
    for (const page of pages) {
      const text = JSON.stringify(page.body);
      for (const personal of ['1995-06-01', 'birthDate', 'profile', 'Chen Jing', 'Zhou Lei', 'resident-chen', 'yearsOfService', 'education']) {
        expect(text, personal).not.toContain(personal);
      }
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authority } from '../services/authority/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { authorityTokens, publishedWhere, type AuthorityTokens } from './support/authority.ts';

/** Evaluations of units: every street's written opinion first, then the department's final result. */
let t: TestCloud;
let as: AuthorityTokens;

beforeAll(async () => {
  // Authority alone: evaluations involve no other service.
  t = await startTestCloud({ services: [authority] });
  as = await authorityTokens(t);
});
afterAll(() => t?.stop());

const units = [
  { street: 'D01/S03', name: 'Market supervision station S03' },
  { street: 'D01/S04', name: 'Market supervision station S04' },
  { street: 'D01/S05', name: 'Market supervision station S05' },
];

async function requestEvaluation(body: Record<string, unknown> = {}) {
  const response = await t.api('POST', '/authority/evaluations', {
    token: as.market,
    body: { title: 'Stations, first half of 2025', period: '2025-H1', units, ...body },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

const giveOpinion = (id: string, token: string, rating = 'good') =>
  t.api('POST', `/authority/evaluations/${id}/opinions`, { token, body: { rating, text: 'The station answers complaints within a day.' } });
const finalize = (id: string, token = as.market) =>
  t.api('POST', `/authority/evaluations/${id}/finalize`, { token, body: { conclusion: 'All three stations rated good or better.' } });

describe('asking the streets first', () => {
  it('an evaluation asks each street once (OpinionRequested) and waits in each committee’s list', async () => {
    const id = await requestEvaluation();

    for (const street of ['D01/S03', 'D01/S04', 'D01/S05']) {
      await publishedWhere(t, 'OpinionRequested', (d) => d.evaluationId === id && d.street === street);
    }
    const waiting = await t.api('GET', '/authority/opinion-requests', { token: as.s04 });
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.find((r: { evaluationId: string }) => r.evaluationId === id)).toMatchObject({
      street: 'D01/S04',
      department: 'market-supervision',
      units: ['Market supervision station S04'],
      status: 'waiting',
      overdue: false,
    });
    const elsewhere = await t.api('GET', '/authority/opinion-requests', { token: as.s09 });
    expect(elsewhere.body.items).toEqual([]);
  });

  it('finalizing with 2 of 3 opinions is 409 (with 3, 20 at once: test/races.test.ts)', async () => {
    const id = await requestEvaluation();
    expect((await giveOpinion(id, as.s03)).status).toBe(200);
    expect((await giveOpinion(id, as.s04, 'excellent')).status).toBe(200);

    const early = await finalize(id);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('waits for the written opinion of D01/S05 (2 of 3 given)');
  });

  it('two members of one committee giving its opinion at once: one 200, one 409', async () => {
    const id = await requestEvaluation();

    const [a, b] = await Promise.all([giveOpinion(id, as.s03, 'good'), giveOpinion(id, as.s03Deputy, 'poor')]);

    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const evaluation = await t.api('GET', `/authority/evaluations/${id}`, { token: as.market });
    const s03 = evaluation.body.opinions.find((o: { street: string }) => o.street === 'D01/S03');
    const winner = (a.status === 200 ? a : b).body;
    expect(s03.opinion).toEqual(winner.opinion);
  });

  it('the answered request moves to the committee’s given list', async () => {
    const id = await requestEvaluation();
    await giveOpinion(id, as.s05);

    const given = await t.api('GET', '/authority/opinion-requests?status=given', { token: as.s05 });
    const waiting = await t.api('GET', '/authority/opinion-requests?status=waiting&limit=100', { token: as.s05 });

    expect(given.body.items[0]).toMatchObject({ evaluationId: id, status: 'given', opinion: { givenBy: 'committee-D01/S05' } });
    expect(waiting.body.items.map((r: { evaluationId: string }) => r.evaluationId)).not.toContain(id);
  });
});

describe('who may do what', () => {
  it('another department cannot finalize (403); a committee speaks only for its own street (403)', async () => {
    const id = await requestEvaluation();

    expect((await finalize(id, as.sanitation)).status).toBe(403);
    expect((await finalize(id, as.otherDistrictMarket)).status).toBe(403);
    const forAnother = await t.api('POST', `/authority/evaluations/${id}/opinions`, {
      token: as.s04,
      body: { rating: 'poor', text: 'Speaking for S03.', street: 'D01/S03' },
    });
    expect(forAnother.status).toBe(403);
    const notAsked = await giveOpinion(id, as.s09);
    expect(notAsked.status).toBe(403);
    expect(notAsked.body.detail).toContain('asks no opinion of D01/S09');
  });

  it('a department evaluates units only in its own district, and only as itself', async () => {
    const elsewhere = await t.api('POST', '/authority/evaluations', {
      token: as.otherDistrictMarket,
      body: { title: 'x', period: '2025', units },
    });
    const unnamed = await t.api('POST', '/authority/evaluations', { token: as.noDepartmentClaim, body: { title: 'x', period: '2025', units } });

    expect([elsewhere.status, unnamed.status]).toEqual([403, 403]);
  });

  it('the department and the streets asked read the evaluation; others get 403, an unknown one 404', async () => {
    const id = await requestEvaluation();

    expect((await t.api('GET', `/authority/evaluations/${id}`, { token: as.market })).status).toBe(200);
    expect((await t.api('GET', `/authority/evaluations/${id}`, { token: as.s04 })).status).toBe(200);
    expect((await t.api('GET', `/authority/evaluations/${id}`, { token: as.sanitation })).status).toBe(403);
    expect((await t.api('GET', `/authority/evaluations/${id}`, { token: as.s09 })).status).toBe(403);
    expect((await t.api('GET', '/authority/evaluations/01JAAAAAAAAAAAAAAAAAAAAAAA', { token: as.market })).status).toBe(404);
  });
});

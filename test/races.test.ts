import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRange } from '../kernel/bulk-read.ts';
import { Store } from '../kernel/store.ts';
import { authorityTokens, publishedWhere } from './support/authority.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { created, fundingTokens, poolBody } from './support/funding.ts';
import { addedRoom, book, premisesTokens, registeredSite, siteBody, slotFromNow } from './support/premises.ts';
import { fittingProfile, planBody, publishedPosition, recruitmentTokens } from './support/recruitment.ts';
import { consentCaseFor, drained, nominate, sagaTokens, settledAppointment } from './support/saga.ts';

/**
 * Races: many callers at once on something only one of them (or only so much) may have, through the
 * local gateway. The conditions of one transaction decide, never a read before it: one decision per
 * consent case, no two bookings of a room overlapping, allocations within the pool, one final result
 * per evaluation, one application per applicant and position. Each test prints its figure.
 */
/** Many calls through the whole local cloud: room to finish on a loaded 2-core machine (no timing is asserted). */
const RACE_TIMEOUT_MS = 120_000;
let t: TestCloud;

beforeAll(async () => {
  // All five: the consent race runs the saga across recruitment and authority.
  t = await startTestCloud();
});
afterAll(() => t?.stop());

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('races', { timeout: RACE_TIMEOUT_MS }, () => {
  it('50 concurrent decisions on one consent case: exactly one 200, the rest 409, one ConsentRecorded', async () => {
    const { department, committee } = await sagaTokens(t);
    const appointmentId = (await nominate(t, department)).body.id as string;
    const consentCase = await consentCaseFor(t, committee, appointmentId);

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
          token: committee,
          body: { decision: i % 2 ? 'refused' : 'granted', writtenOpinion: `Opinion number ${i}.` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(count(statuses, 200)).toBe(1);
    expect(count(statuses, 409)).toBe(49);

    const winner = responses.find((r) => r.status === 200)!.body;
    const final = await settledAppointment(t, department, appointmentId);
    expect(final.status).toBe(winner.status === 'granted' ? 'confirmed' : 'rejected');
    await drained(t);
    const recorded = t.published.filter(
      (e) => e['detail-type'] === 'ConsentRecorded' && (e.detail as any).data.caseId === consentCase.id,
    );
    expect(recorded).toHaveLength(1);
    expect((recorded[0]!.detail as any).data.writtenOpinion).toBe(winner.writtenOpinion);
    console.log(`[races] 50 concurrent consent decisions → ${count(statuses, 200)} decided, ${count(statuses, 409)} × 409, ${recorded.length} ConsentRecorded`);
  });

  it('50 concurrent bookings of overlapping windows on one room: exactly one 201, 49 × 409, one stored', async () => {
    const as = await premisesTokens(t);
    const resident = await as.resident();
    const siteId = await registeredSite(t, as.workerC07, siteBody('D01/S03/C07'));
    const roomId = await addedRoom(t, as.officialS03, siteId);
    // Window i is quarters [i mod 8, i mod 8 + 8): every two of them share quarter 7.
    const windows = Array.from({ length: 50 }, (_, i) => [slotFromNow(3, 40 + (i % 8)), slotFromNow(3, 48 + (i % 8))] as const);

    const answers = await Promise.all(windows.map(([from, to], i) => book(t, i % 2 ? resident : as.workerC07, roomId, from, to)));

    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 409)).toBe(49);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ status: 409, detail: expect.stringMatching(/already booked/) });
    const window = `from=${slotFromNow(3).toISOString()}&to=${slotFromNow(4).toISOString()}`;
    const stored = (await t.api('GET', `/premises/rooms/${roomId}/bookings?${window}`, { token: as.officialS03 })).body.items as unknown[];
    expect(stored).toHaveLength(1);
    console.log(`[races] 50 concurrent overlapping bookings → ${count(statuses, 201)} booked, ${count(statuses, 409)} × 409, ${stored.length} stored`);
  });

  describe('50 concurrent allocations that together exceed the pool', () => {
    const sum = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);

    it('of 50 × 40,000 fen from a pool of 1,000,000: exactly 25 accepted, 25 × 409, and the rejected wrote nothing', async () => {
      const as = await fundingTokens(t);
      const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2026, [1_000_000]));
      const before = await t.count('funding');

      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.api('POST', `/funding/pools/${pool.id}/allocations`, {
            token: i % 2 ? as.finance : as.officialS03,
            body: { amountFen: 40_000, purpose: `caller ${i}`, community: 'D01/S03/C07' },
          }),
        ),
      );

      const accepted = answers.filter((a) => a.status === 201);
      const rejected = answers.filter((a) => a.status !== 201);
      expect(accepted).toHaveLength(25);
      expect(rejected.map((r) => r.status)).toEqual(Array(25).fill(409));
      expect(rejected.every((r) => r.headers.get('content-type') === 'application/problem+json')).toBe(true);
      // Each accepted allocation wrote its item and its history item; the rejected wrote nothing.
      expect(await t.count('funding')).toBe(before + 2 * accepted.length);
      const after = (await t.api('GET', `/funding/pools/${pool.id}`, { token: as.finance })).body;
      expect(after).toMatchObject({ allocatedFen: 1_000_000, remainingFen: 0, allocations: 25 });
      console.log(`[races] 50 concurrent allocations of 40,000 fen from a pool of 1,000,000 → ${accepted.length} accepted, sum ${after.allocatedFen} ≤ 1,000,000, ${rejected.length} × 409`);
    });

    it('of 50 different amounts: the accepted ones sum to at most the pool, and the pool says exactly that sum', async () => {
      const as = await fundingTokens(t);
      const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2027, [1_000_000]));
      const amounts = Array.from({ length: 50 }, (_, i) => 10_000 + ((i * 7919) % 60_000));
      const before = await t.count('funding');

      const answers = await Promise.all(
        amounts.map((amountFen, i) =>
          t.api('POST', `/funding/pools/${pool.id}/allocations`, { token: as.finance, body: { amountFen, purpose: `caller ${i}`, community: 'D01/S03/C01' } }),
        ),
      );

      const acceptedSum = sum(amounts.filter((_, i) => answers[i]!.status === 201));
      const accepted = answers.filter((a) => a.status === 201).length;
      expect(sum(amounts)).toBeGreaterThan(1_000_000);
      expect(acceptedSum).toBeLessThanOrEqual(1_000_000);
      expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 409)).toBe(true);
      expect(await t.count('funding')).toBe(before + 2 * accepted);
      const after = (await t.api('GET', `/funding/pools/${pool.id}`, { token: as.finance })).body;
      expect(after).toMatchObject({ allocatedFen: acceptedSum, remainingFen: 1_000_000 - acceptedSum, allocations: accepted });
      console.log(`[races] 50 concurrent allocations asking ${sum(amounts)} fen of a pool of 1,000,000 → ${accepted} accepted, sum ${acceptedSum} ≤ 1,000,000`);
    });
  });

  it('20 concurrent finalizations of an evaluation with every opinion in: one 200, nineteen 409, one EvaluationFinalized', async () => {
    const as = await authorityTokens(t);
    const units = ['D01/S03', 'D01/S04', 'D01/S05'].map((street) => ({ street, name: `Market supervision station ${street.slice(4)}` }));
    const id = (await created(t, '/authority/evaluations', as.market, { title: 'Stations, first half of 2025', period: '2025-H1', units })).id as string;
    for (const [token, rating] of [[as.s03, 'good'], [as.s04, 'excellent'], [as.s05, 'fair']] as const) {
      const given = await t.api('POST', `/authority/evaluations/${id}/opinions`, { token, body: { rating, text: 'The station answers complaints within a day.' } });
      expect(given.status).toBe(200);
    }

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api('POST', `/authority/evaluations/${id}/finalize`, { token: as.market, body: { conclusion: 'All three stations rated good or better.' } }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(count(statuses, 200)).toBe(1);
    expect(count(statuses, 409)).toBe(19);

    const final = responses.find((r) => r.status === 200)!.body;
    expect(final).toMatchObject({ status: 'final', conclusion: 'All three stations rated good or better.' });
    expect(final.opinions.map((o: { street: string; opinion: { rating: string } }) => [o.street, o.opinion.rating])).toEqual([
      ['D01/S03', 'good'],
      ['D01/S04', 'excellent'],
      ['D01/S05', 'fair'],
    ]);
    // The table is the outbox: exactly one EvaluationFinalized history item was committed, and it reached the bus.
    const history = await queryRange(new Store(t.cloud.tables.authority!), { partition: `EVALUATION#${id}`, from: 'HISTORY#', to: 'HISTORY#~', maxItems: 100 });
    const finalized = history.filter((h) => h.detailType === 'EvaluationFinalized');
    expect(finalized).toHaveLength(1);
    expect(history.filter((h) => h.detailType === 'OpinionRecorded')).toHaveLength(3);
    const event = await publishedWhere(t, 'EvaluationFinalized', (d) => d.evaluationId === id);
    expect((event.detail as any).data.opinions).toHaveLength(3);
    console.log(`[races] 20 concurrent finalizations → ${count(statuses, 200)} final, ${count(statuses, 409)} × 409, ${finalized.length} EvaluationFinalized`);
  });

  it('100 concurrent applications from one applicant to one position: exactly one stored', async () => {
    const as = await recruitmentTokens(t);
    expect((await t.api('POST', '/recruitment/plans', { token: as.org, body: planBody() })).status).toBe(201);
    const positionId = await publishedPosition(t, as.org);
    const token = await as.resident('resident-eager');

    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        t.api('POST', `/recruitment/positions/${positionId}/applications`, { token, body: { name: 'Wu Fang', profile: fittingProfile } }),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 409)).toBe(99);
    expect(responses.find((r) => r.status === 409)!.body.detail).toBe(`You have already applied for position ${positionId}.`);
    const mine = await t.api('GET', '/recruitment/me/applications?limit=100', { token });
    expect(mine.body.items).toHaveLength(1);
    const all = await t.api('GET', `/recruitment/positions/${positionId}/applications?limit=100`, { token: as.org });
    expect(all.body.items.filter((a: { applicant: string }) => a.applicant === 'resident-eager')).toHaveLength(1);
    await drained(t);
    const submitted = t.published.filter(
      (e) => e['detail-type'] === 'ApplicationSubmitted' && (e.detail as any).data.applicant === 'resident-eager',
    );
    expect(submitted).toHaveLength(1);
    console.log(`[races] 100 concurrent applications by one applicant → ${count(statuses, 201)} stored, ${count(statuses, 409)} × 409, ${submitted.length} ApplicationSubmitted`);
  });
});

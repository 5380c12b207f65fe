import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authority } from '../services/authority/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { authorityTokens, publishedWhere, type AuthorityTokens } from './support/authority.ts';

/** The double assessment of staff a department stations in a street. */
let t: TestCloud;
let as: AuthorityTokens;

beforeAll(async () => {
  // Authority alone: recruitment consumes AssessmentRecorded, but these tests are about the assessment.
  t = await startTestCloud({ services: [authority] });
  as = await authorityTokens(t);
});
afterAll(() => t?.stop());

const byStreet = (staffId: string, token = as.s03, extra: Record<string, unknown> = {}) =>
  t.api('POST', '/authority/assessments', {
    token,
    body: { staffId, department: 'market-supervision', period: '2025', score: 90, comment: 'Never missed a community meeting.', ...extra },
  });
const byDepartment = (staffId: string, token = as.market, extra: Record<string, unknown> = {}) =>
  t.api('POST', '/authority/department-assessments', {
    token,
    body: { staffId, street: 'D01/S03', period: '2025', score: 75, comment: 'Inspection quota met.', ...extra },
  });
const read = (staffId: string, token: string, query = '') => t.api('GET', `/authority/assessments?staffId=${staffId}${query}`, { token });

describe('the double assessment', () => {
  it('the street’s assessment is recorded once and goes out as AssessmentRecorded; a second is 409', async () => {
    const first = await byStreet('STAFF-1');
    const second = await byStreet('STAFF-1', as.s03Deputy, { score: 10 });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ staffId: 'STAFF-1', byStreet: { score: 90 }, combinedScore: null, streetWeight: 0.5 });
    expect(second.status).toBe(409);
    const event = await publishedWhere(t, 'AssessmentRecorded', (d) => d.staffId === 'STAFF-1');
    expect((event.detail as any).data).toMatchObject({
      staffId: 'STAFF-1',
      street: 'D01/S03',
      department: 'market-supervision',
      period: '2025',
      score: 90,
      assessedBy: 'committee-D01/S03',
    });
  });

  it('with the department’s side, both sides and the combined score (street 50%) are read by both', async () => {
    await byStreet('STAFF-2');
    const departmentSide = await byDepartment('STAFF-2');
    expect(departmentSide.status).toBe(201);

    const forDepartment = await read('STAFF-2', as.market);
    const forStreet = await read('STAFF-2', as.s03, '&period=2025');

    expect(forDepartment.status).toBe(200);
    expect(forDepartment.body.items).toEqual([
      expect.objectContaining({
        staffId: 'STAFF-2',
        period: '2025',
        byStreet: expect.objectContaining({ score: 90 }),
        byDepartment: expect.objectContaining({ score: 75, assessedBy: 'market-supervision-D01-officer' }),
        streetWeight: 0.5,
        combinedScore: 82.5,
      }),
    ]);
    expect(forStreet.body.items).toEqual(forDepartment.body.items);
    await publishedWhere(t, 'DepartmentAssessmentRecorded', (d) => d.staffId === 'STAFF-2' && d.score === 75);
  });

  it('a member’s periods are listed newest first, page by page', async () => {
    for (const period of ['2024', '2025-H1', '2025-H2']) await byStreet('STAFF-3', as.s03, { period });

    const first = await read('STAFF-3', as.s03, '&limit=2');
    const second = await read('STAFF-3', as.s03, `&limit=2&cursor=${first.body.cursor}`);

    expect([...first.body.items, ...second.body.items].map((a: { period: string }) => a.period)).toEqual(['2025-H2', '2025-H1', '2024']);
  });

  it('another street’s committee and another department are not parties: 403 to write or read', async () => {
    await byStreet('STAFF-4');

    expect((await byStreet('STAFF-4', as.s04, { street: 'D01/S03' })).status).toBe(403);
    expect((await byStreet('STAFF-4', as.s04)).status).toBe(403);
    expect((await byDepartment('STAFF-4', as.sanitation)).status).toBe(403);
    expect((await byDepartment('STAFF-4', as.otherDistrictMarket)).status).toBe(403);
    expect((await read('STAFF-4', as.s04)).status).toBe(403);
    expect((await read('STAFF-4', as.sanitation)).status).toBe(403);
  });

  it('a member nobody assessed yet is an empty list', async () => {
    const none = await read('STAFF-NOBODY', as.market);

    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
  });
});

describe('a street’s assessments by where they stand', () => {
  const list = (token: string, query: string, street = 'D01-S03') => t.api('GET', `/authority/streets/${street}/assessments?${query}`, { token });
  const ids = (page: { body: Record<string, any> }) => (page.body.items as Array<{ staffId: string }>).map((a) => a.staffId);

  it('what the committee must assess (the department has, it has not), what waits for the department, and the complete ones with their combined score', async () => {
    const period = { period: '2026-Q1' };
    await byDepartment('STAFF-Q1-A', as.market, period);
    await byDepartment('STAFF-Q1-B', as.market, period);
    await byStreet('STAFF-Q1-C', as.s03, period);

    const due = await list(as.s03, 'period=2026-Q1');
    expect(due.status).toBe(200);
    expect(ids(due).sort()).toEqual(['STAFF-Q1-A', 'STAFF-Q1-B']);
    expect(due.body.items[0]).toMatchObject({ street: 'D01/S03', department: 'market-supervision', byDepartment: { score: 75 }, combinedScore: null });
    expect(due.body.items[0].byStreet).toBeUndefined();
    expect(ids(await list(as.s03, 'status=awaiting-department&period=2026-Q1'))).toEqual(['STAFF-Q1-C']);

    // The committee gives its side: the member moves from "to assess" to complete, in the same commit.
    expect((await byStreet('STAFF-Q1-A', as.s03, { ...period, score: 81 })).status).toBe(201);
    expect(ids(await list(as.s03, 'period=2026-Q1'))).toEqual(['STAFF-Q1-B']);
    const complete = await list(as.s03, 'status=complete&period=2026-Q1');
    expect(complete.body.items).toEqual([
      expect.objectContaining({ staffId: 'STAFF-Q1-A', byStreet: expect.objectContaining({ score: 81 }), byDepartment: expect.objectContaining({ score: 75 }), combinedScore: 78 }),
    ]);
  });

  it('newest period first, page by page; without a period every period of the state', async () => {
    for (const p of ['2023', '2023-H1', '2023-H2']) await byDepartment('STAFF-PAGED', as.market, { period: p });
    const first = await list(as.s03, 'limit=2');
    const rest = await list(as.s03, `limit=50&cursor=${first.body.cursor}`);
    const periods = [...first.body.items, ...rest.body.items].filter((a: { staffId: string }) => a.staffId === 'STAFF-PAGED').map((a: { period: string }) => a.period);
    expect(periods).toEqual(['2023-H2', '2023-H1', '2023']);
    const all = [...first.body.items, ...rest.body.items].map((a: { period: string }) => a.period);
    expect(all).toEqual([...all].sort().reverse());
  });

  it('another street’s committee and a department are refused (403); bad input is 400', async () => {
    expect((await list(as.s04, '')).status).toBe(403);
    expect((await list(as.market, '')).status).toBe(403);
    expect((await list(as.s03, 'status=pending')).status).toBe(400);
    expect((await list(as.s03, 'period=2026-Q5')).status).toBe(400);
    const slash = await list(as.s03, '', 'D01%2FS03');
    expect(slash.status).toBeGreaterThanOrEqual(400);
    expect(slash.status).toBeLessThan(500);
    const cursor = await list(as.s03, 'cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
  });
});

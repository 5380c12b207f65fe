import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, drained, nominate, nomination, sagaTokens } from './support/saga.ts';

/** Bad input gets a clear 4xx problem body naming the field, and writes nothing. */
let t: TestCloud;
let department: string;
let committee: string;
let decisionPath: string;

beforeAll(async () => {
  t = await startTestCloud();
  ({ department, committee } = await sagaTokens(t));
  const requested = await nominate(t, department);
  const consentCase = await consentCaseFor(t, committee, requested.body.id);
  decisionPath = `/authority/consents/${consentCase.id}/decision`;
  await drained(t);
});
afterAll(() => t?.stop());

const oneMegabyte = 'x'.repeat(1024 * 1024);

const cases: Array<{ rule: string; endpoint: 'nominate' | 'decide'; body?: unknown; raw?: string; status: number; field: string }> = [
  { rule: 'a nomination without a street', endpoint: 'nominate', body: { ...nomination, street: undefined }, status: 400, field: 'body.street' },
  { rule: 'a nomination with a numeric nominee', endpoint: 'nominate', body: { ...nomination, nominee: 42 }, status: 400, field: 'body.nominee' },
  { rule: 'a nomination with an unknown field', endpoint: 'nominate', body: { ...nomination, salary: 1 }, status: 400, field: 'body.salary' },
  { rule: 'a nomination for a malformed street', endpoint: 'nominate', body: { ...nomination, street: 'S03' }, status: 400, field: 'body.street' },
  { rule: 'a nomination of 1 MB', endpoint: 'nominate', body: { ...nomination, reason: oneMegabyte }, status: 413, field: 'body' },
  { rule: 'a nomination that is not JSON', endpoint: 'nominate', raw: '{"street": ', status: 400, field: 'body' },
  { rule: 'a decision without a written opinion', endpoint: 'decide', body: { decision: 'granted' }, status: 400, field: 'body.writtenOpinion' },
  { rule: 'a blank written opinion', endpoint: 'decide', body: { decision: 'granted', writtenOpinion: '   ' }, status: 400, field: 'body.writtenOpinion' },
  { rule: 'a decision that is neither granted nor refused', endpoint: 'decide', body: { decision: 'maybe', writtenOpinion: 'x' }, status: 400, field: 'body.decision' },
  { rule: 'a decision with an unknown field', endpoint: 'decide', body: { decision: 'granted', writtenOpinion: 'x', by: 'me' }, status: 400, field: 'body.by' },
  { rule: 'a decision of 1 MB', endpoint: 'decide', body: { decision: 'granted', writtenOpinion: oneMegabyte }, status: 413, field: 'body' },
  { rule: 'a decision as an array', endpoint: 'decide', body: [], status: 400, field: 'body' },
];

describe('bad input on the saga’s two endpoints', () => {
  for (const c of cases) {
    it(`${c.rule} is ${c.status}, names ${c.field} and writes nothing`, async () => {
      const before = { recruitment: await t.count('recruitment'), authority: await t.count('authority') };
      const response = await t.api('POST', c.endpoint === 'nominate' ? '/recruitment/appointments' : decisionPath, {
        token: c.endpoint === 'nominate' ? department : committee,
        ...(c.raw !== undefined ? { rawBody: c.raw } : { body: c.body }),
      });
      expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body.status).toBe(c.status);
      expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(c.field);
      expect({ recruitment: await t.count('recruitment'), authority: await t.count('authority') }).toEqual(before);
    });
  }

  it('a malformed token is 401 on both endpoints and writes nothing', async () => {
    const before = await t.count('authority');
    for (const token of ['not-a-jwt', `${committee.slice(0, -4)}AAAA`]) {
      expect((await t.api('POST', '/recruitment/appointments', { token, body: nomination })).status).toBe(401);
      expect((await t.api('POST', decisionPath, { token, body: { decision: 'granted', writtenOpinion: 'x' } })).status).toBe(401);
    }
    expect((await t.api('POST', decisionPath, { body: { decision: 'granted', writtenOpinion: 'x' } })).status).toBe(401);
    expect(await t.count('authority')).toBe(before);
  });

  it('a token for the wrong role is 403 with a problem body', async () => {
    const resident = await t.token({ roles: ['resident'], jurisdiction: 'D01/S03' });
    const response = await t.api('POST', decisionPath, { token: resident, body: { decision: 'granted', writtenOpinion: 'x' } });
    expect(response.status).toBe(403);
    expect(response.body.type).toMatch(/forbidden$/);
  });

  it('an unknown appointment is 404 and a malformed id is 400', async () => {
    expect((await t.api('GET', '/recruitment/appointments/01JAAAAAAAAAAAAAAAAAAAAAAA', { token: department })).status).toBe(404);
    const malformed = await t.api('GET', '/recruitment/appointments/nope', { token: department });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('path.id');
  });

  it('the case is still pending after all that', async () => {
    const list = await t.api('GET', '/authority/consents?status=pending', { token: committee });
    expect(list.body.items).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { authority } from '../services/authority/service.ts';
import { recruitment } from '../services/recruitment/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, nominate } from './support/saga.ts';

/**
 * A department's nominations of agency heads, listed (GET /recruitment/appointments): its own,
 * newest first, each where it stands as the saga moves it; nobody else's.
 */
let t: TestCloud;
let parks: string;
let committee: string;

beforeAll(async () => {
  t = await startTestCloud({ services: [recruitment, authority] });
  parks = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'parks' });
  committee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S03' });
});
afterAll(() => t?.stop());

const body = (street: string, name: string) => ({ street, agency: `Parks station ${street}`, nominee: { name }, reason: 'The former head retired.' });

describe('a department’s nominations', () => {
  it('lists its own, newest first, each as the consent saga leaves it, and pages by cursor', async () => {
    const first = (await nominate(t, parks, body('D01/S03', 'Wang Li'))).body;
    const second = (await nominate(t, parks, body('D01/S04', 'Qian Lu'))).body;
    const other = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'water' });
    await nominate(t, other, { ...body('D01/S03', 'Ma Jun'), agency: 'Water station S03' });

    const listed = await t.api('GET', '/recruitment/appointments', { token: parks });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: any) => a.id)).toEqual([second.id, first.id]);
    expect(listed.body.items.every((a: any) => a.department === 'parks' && a.status === 'awaiting-consent')).toBe(true);

    const paged = await t.api('GET', '/recruitment/appointments?limit=1', { token: parks });
    expect(paged.body.items.map((a: any) => a.id)).toEqual([second.id]);
    const rest = await t.api('GET', `/recruitment/appointments?limit=1&cursor=${encodeURIComponent(paged.body.cursor)}`, { token: parks });
    expect(rest.body.items.map((a: any) => a.id)).toEqual([first.id]);
    expect(rest.body.cursor).toBeUndefined();

    // The street consents: the list reads through to the appointment, so it shows the outcome.
    const consentCase = await consentCaseFor(t, committee, first.id);
    const decided = await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'granted', writtenOpinion: '同意任命。' },
    });
    expect(decided.status).toBe(200);
    const confirmed = await waitFor('the consent on the listed nomination', async () => {
      const now = await t.api('GET', '/recruitment/appointments', { token: parks });
      const found = now.body.items.find((a: any) => a.id === first.id);
      return found?.status === 'confirmed' ? found : undefined;
    });
    expect(confirmed).toMatchObject({ consentCaseId: consentCase.id, writtenOpinion: '同意任命。' });
  });

  it('the district office reads a named department’s list', async () => {
    const admin = await t.token({ roles: ['district-admin'], jurisdiction: 'D01' });
    const listed = await t.api('GET', '/recruitment/appointments?department=parks', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses another department’s list, another district and the roles without a part in it (problem+json, 403)', async () => {
    const official = await t.token({ roles: ['street-official'], jurisdiction: 'D01/S03' });
    const elsewhere = await t.token({ roles: ['department'], jurisdiction: 'D02', department: 'parks' });
    for (const [token, query] of [
      [parks, '?department=water'],
      [parks, '?district=D02'],
      [official, '?department=parks'],
      [elsewhere, '?district=D01'],
    ] as const) {
      const refused = await t.api('GET', `/recruitment/appointments${query}`, { token });
      expect(refused.status, query).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('bad input is 400 naming the field: no department for a caller who is none, a malformed one, a foreign cursor', async () => {
    const admin = await t.token({ roles: ['district-admin'], jurisdiction: 'D01' });
    const cases: Array<[string, string, string]> = [
      [admin, '', 'query.department'],
      [parks, '?department=Not%20A%20Slug', 'query.department'],
      [parks, '?district=S03', 'query.district'],
      [parks, '?cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
    ];
    for (const [token, query, field] of cases) {
      const bad = await t.api('GET', `/recruitment/appointments${query}`, { token });
      expect(bad.status, query).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field), query).toContain(field);
    }
  });
});

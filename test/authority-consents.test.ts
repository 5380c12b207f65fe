import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cause } from '../kernel/events.ts';
import { Store } from '../kernel/store.ts';
import { CONSENT_DEADLINE_WORKING_DAYS, openConsentCase } from '../services/authority/consents/domain.ts';
import { ConsentStore } from '../services/authority/consents/store.ts';
import { authority } from '../services/authority/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { authorityTokens, publishedWhere, type AuthorityTokens } from './support/authority.ts';

/**
 * Consent deadlines as the street committee sees them. Time is not waited for: a case opened 30
 * days ago is written through the authority store, exactly as the AppointmentRequested consumer
 * writes one, with its clock set back.
 */
let t: TestCloud;
let as: AuthorityTokens;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestCloud({ services: [authority] });
  as = await authorityTokens(t);
});
afterAll(() => t?.stop());

async function caseOpened(daysAgo: number, department: string): Promise<string> {
  const consents = new ConsentStore(new Store(t.cloud.tables.authority!));
  const cause: Cause = {
    correlationId: `opened-${daysAgo}-days-ago`,
    causationId: ulid(),
    now: new Date(Date.now() - daysAgo * DAY).toISOString(),
    actor: { sub: 'five-haves.authority', roles: ['service'] },
  };
  const request = {
    appointmentId: ulid(),
    street: 'D01/S03',
    department,
    agency: `${department} station S03`,
    action: 'appoint' as const,
    nominee: { name: 'Wang Li' },
    reason: 'The former head retired.',
    requestedAt: cause.now,
  };
  const change = openConsentCase(ulid(), request, cause);
  await consents.store.commit(consents.consentCommit(change));
  return change.consentCase.id;
}

describe(`consent cases are due ${CONSENT_DEADLINE_WORKING_DAYS} working days after they open`, () => {
  it('a case past its deadline is marked overdue in the list and on its own; a fresh one is not', async () => {
    const old = await caseOpened(30, 'market-supervision');
    const fresh = await caseOpened(0, 'sanitation');

    const list = await t.api('GET', '/authority/consents?status=pending&limit=100', { token: as.s03 });
    const byId = (id: string) => list.body.items.find((c: { id: string }) => c.id === id);

    expect(list.status).toBe(200);
    expect(byId(old)).toMatchObject({ status: 'pending', overdue: true });
    expect(Date.parse(byId(old).dueBy)).toBeLessThan(Date.now());
    expect(byId(fresh)).toMatchObject({ status: 'pending', overdue: false });
    expect((await t.api('GET', `/authority/consents/${old}`, { token: as.s03 })).body.overdue).toBe(true);
    expect((await t.api('GET', `/authority/consents/${old}`, { token: as.market })).body.overdue).toBe(true);
  });

  it('15 working days are three calendar weeks: opened 22 days ago is overdue, 14 days ago is not', async () => {
    const twentyTwo = await caseOpened(22, 'water');
    const fourteen = await caseOpened(14, 'transport');

    expect((await t.api('GET', `/authority/consents/${twentyTwo}`, { token: as.s03 })).body.overdue).toBe(true);
    expect((await t.api('GET', `/authority/consents/${fourteen}`, { token: as.s03 })).body.overdue).toBe(false);
  });

  it('a decision on an overdue case is recorded as late, and the case is no longer overdue', async () => {
    const id = await caseOpened(30, 'housing');

    const decided = await t.api('POST', `/authority/consents/${id}/decision`, {
      token: as.s03,
      body: { decision: 'granted', writtenOpinion: 'Agreed, late.' },
    });

    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'granted', late: true, overdue: false });
    await publishedWhere(t, 'ConsentRecorded', (d) => d.caseId === id && d.late === true);
  });
});

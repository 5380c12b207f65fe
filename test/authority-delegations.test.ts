import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { waitFor } from '../infra/local/wait.ts';
import { Store } from '../kernel/store.ts';
import { acceptDelegation } from '../services/authority/delegations/domain.ts';
import { DelegationStore } from '../services/authority/delegations/store.ts';
import { authority } from '../services/authority/service.ts';
import { testTable } from './setup/context.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import {
  authorityTokens,
  delegationInForce,
  fieldsOf,
  inForce,
  inParallel,
  power,
  publishedWhere,
  streetPath,
  type AuthorityTokens,
} from './support/authority.ts';

/** The power catalog and its delegations to streets, end to end through the local gateway. */
let t: TestCloud;
let as: AuthorityTokens;

/** The steps of granting D05's delegations wait here until a test lets them on. */
let letD05On!: () => void;
const d05Held = new Promise<void>((resolve) => (letD05On = resolve));

beforeAll(async () => {
  t = await startTestCloud({
    services: [authority],
    deliveryGate: async ({ events }) => {
      const ofD05 = events.some(
        (e) => e['detail-type'] === 'DelegationGrantsWritten' && (e.detail as { data: { district: string } }).data.district === 'D05',
      );
      if (ofD05) await d05Held;
    },
  });
  as = await authorityTokens(t);
  const codes = ['CM-0001', 'CM-0002', 'CM-0003', 'WA-0001', 'HE-0001'];
  const added = await inParallel(codes, 5, (code) =>
    t.api('POST', '/authority/powers', { token: as.admin, body: power(code, code.startsWith('CM') ? 'law-enforcement' : 'convenience-services') }),
  );
  expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
});
afterAll(() => {
  letD05On?.();
  return t?.stop();
});

const delegate = (body: Record<string, unknown>, token = as.admin) => t.api('POST', '/authority/delegations', { token, body });
const delegated = (body: Record<string, unknown>, token = as.admin) => delegationInForce(t, token, body);
const holdings = (street: string, on: string, extra = '') =>
  t.api('GET', `/authority/streets/${streetPath(street)}/powers?on=${on}${extra}`);
const codesHeld = async (street: string, on: string) => {
  const response = await holdings(street, on);
  expect(response.status).toBe(200);
  return (response.body.items as Array<{ code: string }>).map((p) => p.code);
};

describe('the power catalog', () => {
  it('an entry is public once entered, and PowerCataloged reaches the bus', async () => {
    const entry = await t.api('GET', '/authority/powers/CM-0001');

    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ ...power('CM-0001'), catalogedBy: 'd01-office', catalogedByDistrict: 'D01' });
    await publishedWhere(t, 'PowerCataloged', (d) => d.code === 'CM-0001');
  });

  it('a code already in the catalog is 409 and writes nothing', async () => {
    const before = await t.count('authority');

    const duplicate = await t.api('POST', '/authority/powers', { token: as.admin, body: power('CM-0001') });

    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toBe('application/problem+json');
    expect(duplicate.body.detail).toBe('Power CM-0001 is already in the catalog.');
    expect(await t.count('authority')).toBe(before);
  });

  it('a code not written in capitals, as the catalog publishes it, is 400 naming the code, and writes nothing', async () => {
    const before = await t.count('authority');

    const lower = await t.api('POST', '/authority/powers', { token: as.admin, body: power('cm-0099') });
    const read = await t.api('GET', '/authority/powers/cm-0001');

    expect(lower.status).toBe(400);
    expect(fieldsOf(lower.body)).toEqual(['body.code']);
    expect(read.status).toBe(400);
    expect(fieldsOf(read.body)).toEqual(['path.code']);
    expect(await t.count('authority')).toBe(before);
  });

  it('lists by code, one domain at a time, page by page', async () => {
    const first = await t.api('GET', '/authority/powers?domain=law-enforcement&limit=2');
    const second = await t.api('GET', `/authority/powers?domain=law-enforcement&limit=2&cursor=${first.body.cursor}`);
    const all = await t.api('GET', '/authority/powers?limit=100');

    expect([...first.body.items, ...second.body.items].map((p: { code: string }) => p.code)).toEqual(['CM-0001', 'CM-0002', 'CM-0003']);
    expect(second.body.cursor).toBeUndefined();
    expect(all.body.items.map((p: { code: string }) => p.code)).toEqual(['CM-0001', 'CM-0002', 'CM-0003', 'HE-0001', 'WA-0001']);
  });

  it('an unknown code is 404', async () => {
    expect((await t.api('GET', '/authority/powers/XX-404')).status).toBe(404);
  });
});

describe('delegating powers to streets', () => {
  it('codes not in the catalog are 422, naming each, and nothing is written', async () => {
    const before = await t.count('authority');

    const response = await delegate({ decisionRef: 'D01-422', effectiveOn: '2025-07-01', codes: ['CM-0001', 'XX-9', 'XX-8'], streets: ['D01/S03'] });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.codes', message: 'unknown power code XX-8' },
      { field: 'body.codes', message: 'unknown power code XX-9' },
    ]);
    expect(await t.count('authority')).toBe(before);
  });

  it('powers?on= is right the day before, on and after the delegation and the revocation dates', async () => {
    const accepted = await delegate({
      decisionRef: 'D01-GOV-2025-07',
      effectiveOn: '2025-07-01',
      codes: ['CM-0002', 'CM-0001'],
      streets: ['D01/S03', 'D01/S04'],
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'granting', codes: ['CM-0001', 'CM-0002'], grants: { pairs: 4, items: 2, written: 0 } });
    const delegated = { body: await inForce(t, as.admin, accepted.body.id) };
    expect(delegated.body).toMatchObject({ status: 'in-force', grants: { pairs: 4, items: 2, written: 2 } });

    expect(await codesHeld('D01/S03', '2025-06-30')).toEqual([]);
    const onTheDay = await holdings('D01/S03', '2025-07-01');
    expect(onTheDay.body).toMatchObject({ street: 'D01/S03', on: '2025-07-01' });
    expect(onTheDay.body.items[0]).toEqual({
      code: 'CM-0001',
      name: 'Power CM-0001',
      domain: 'law-enforcement',
      legalBasis: 'Regulation on CM-0001, article 12',
      fromDepartment: 'urban-management',
      since: '2025-07-01',
      heldUnder: [{ delegationId: delegated.body.id, decisionRef: 'D01-GOV-2025-07', effectiveOn: '2025-07-01' }],
    });
    expect(await codesHeld('D01/S04', '2025-07-02')).toEqual(['CM-0001', 'CM-0002']);
    expect(await codesHeld('D01/S05', '2025-07-02')).toEqual([]);

    const revoked = await t.api('POST', `/authority/delegations/${delegated.body.id}/revoke`, {
      token: as.admin,
      body: { from: '2025-10-01', reason: 'Merged into the comprehensive enforcement team.' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedFrom: '2025-10-01' });

    expect(await codesHeld('D01/S03', '2025-09-30')).toEqual(['CM-0001', 'CM-0002']);
    expect(await codesHeld('D01/S03', '2025-10-01')).toEqual([]);
    expect(await codesHeld('D01/S03', '2025-10-02')).toEqual([]);
    expect(await codesHeld('D01/S03', '2025-07-01')).toEqual(['CM-0001', 'CM-0002']);
    await publishedWhere(t, 'PowersDelegated', (d) => d.delegationId === delegated.body.id && d.grants === 4);
    await publishedWhere(t, 'DelegationRevoked', (d) => d.delegationId === delegated.body.id && d.revokedFrom === '2025-10-01');
  });

  it('a later delegation that starts where a revoked one ends keeps the since date; the list pages by code', async () => {
    const first = await delegated({ decisionRef: 'D01-A', effectiveOn: '2024-01-01', codes: ['WA-0001', 'HE-0001', 'CM-0003'], streets: ['D01/S07'] });
    await t.api('POST', `/authority/delegations/${first.id}/revoke`, { token: as.admin, body: { from: '2024-06-01', reason: 'Replaced.' } });
    await delegated({ decisionRef: 'D01-B', effectiveOn: '2024-06-01', codes: ['WA-0001', 'HE-0001', 'CM-0003'], streets: ['D01/S07'] });

    const page1 = await holdings('D01/S07', '2024-08-01', '&limit=2');
    const page2 = await holdings('D01/S07', '2024-08-01', `&limit=2&cursor=${page1.body.cursor}`);

    expect(page1.body.items.map((p: { code: string }) => p.code)).toEqual(['CM-0003', 'HE-0001']);
    expect(page2.body.items.map((p: { code: string }) => p.code)).toEqual(['WA-0001']);
    expect(page2.body.cursor).toBeUndefined();
    expect(page2.body.items[0]).toMatchObject({ since: '2024-01-01', heldUnder: [{ decisionRef: 'D01-B' }] });
  });

  it('a street in the path is D01-S07 only: its slash encoded is refused (API Gateway would decode it before matching)', async () => {
    const encoded = await t.api('GET', '/authority/streets/D01%2FS07/powers?on=2024-08-01&limit=1');

    expect(encoded.status).toBeGreaterThanOrEqual(400);
    expect(encoded.status).toBeLessThan(500);
  });

  it('a cursor of another street is 400', async () => {
    const page = await holdings('D01/S07', '2024-08-01', '&limit=1');

    const foreign = await holdings('D01/S03', '2024-08-01', `&cursor=${page.body.cursor}`);

    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['query.cursor']);
  });

  it('the same decision again is 409 (a retry under an Idempotency-Key: test/idempotency.test.ts)', async () => {
    const body = { decisionRef: 'D01-IDEM', effectiveOn: '2025-08-01', codes: ['CM-0001'], streets: ['D01/S08'] };
    const first = await delegated(body);
    const again = await delegate(body);

    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`Decision D01-IDEM was already delegated (delegation ${first.id}).`);
  });

  it('part way through its grants a delegation is granting and grants nothing; it comes into force when the rest are written', async () => {
    // 2 codes to D05's 100 streets: 100 grant items, two steps; the second waits at the gate.
    const d05 = await t.token({ sub: 'd05-office', roles: ['district-admin'], jurisdiction: 'D05' });
    const streets = Array.from({ length: 100 }, (_, i) => `D05/S${String(i).padStart(2, '0')}`);
    const accepted = await delegate({ decisionRef: 'D05-STEPS', effectiveOn: '2025-09-01', codes: ['CM-0001', 'CM-0002'], streets }, d05);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'granting', grants: { pairs: 200, items: 100, written: 0 } });

    const partWay = await waitFor('the first step of granting', async () => {
      const current = await t.api('GET', `/authority/delegations/${accepted.body.id}`, { token: d05 });
      return current.body.grants.written > 0 ? current.body : undefined;
    });
    const store = new DelegationStore(new Store(testTable('authority')));
    expect(partWay).toMatchObject({ status: 'granting', grants: { written: 96 } });
    expect(await store.grantsOfStreet('D05/S00', '2025-09-01')).toHaveLength(1);
    expect(await codesHeld('D05/S00', '2025-09-01')).toEqual([]);

    letD05On();
    const done = await inForce(t, d05, accepted.body.id);

    expect(done).toMatchObject({ status: 'in-force', grants: { pairs: 200, items: 100, written: 100 } });
    expect(await codesHeld('D05/S00', '2025-09-01')).toEqual(['CM-0001', 'CM-0002']);
    expect(await codesHeld('D05/S99', '2025-09-01')).toEqual(['CM-0001', 'CM-0002']);
    await publishedWhere(t, 'PowersDelegated', (d) => d.delegationId === accepted.body.id && d.grants === 200);
  });

  it('a delegation still granting cannot be revoked yet (409)', async () => {
    const d06 = await t.token({ sub: 'd06-office', roles: ['district-admin'], jurisdiction: 'D06' });
    const store = new DelegationStore(new Store(testTable('authority')));
    const id = ulid();
    // Accepted as POST accepts it, but without the event that starts its grants: it stays granting.
    const cause = { correlationId: 'granting', now: new Date().toISOString(), actor: { sub: 'd06-office', roles: ['district-admin'] } };
    const { delegation } = acceptDelegation(id, { decisionRef: 'D06-HELD', effectiveOn: '2025-09-01', codes: ['CM-0001'], streets: ['D06/S01'] }, new Set(['CM-0001']), cause);
    await store.store.commit(store.acceptCommit({ delegation, events: [] }));

    const revoke = await t.api('POST', `/authority/delegations/${id}/revoke`, { token: d06, body: { from: '2025-10-01', reason: 'Too soon.' } });

    expect(revoke.status).toBe(409);
    expect(revoke.body.detail).toBe(`Delegation ${id} is still being granted; revoke it once it is in force.`);
  });

  it('revoking again is 409, and from before the effective date 422', async () => {
    const inForceNow = await delegated({ decisionRef: 'D01-REVOKE', effectiveOn: '2025-07-01', codes: ['CM-0003'], streets: ['D01/S12'] });
    const path = `/authority/delegations/${inForceNow.id}/revoke`;

    const early = await t.api('POST', path, { token: as.admin, body: { from: '2025-06-30', reason: 'x' } });
    const first = await t.api('POST', path, { token: as.admin, body: { from: '2025-12-01', reason: 'Returned to the district.' } });
    const second = await t.api('POST', path, { token: as.admin, body: { from: '2026-01-01', reason: 'Again.' } });

    expect([early.status, first.status, second.status]).toEqual([422, 200, 409]);
    expect(fieldsOf(early.body)).toEqual(['body.from']);
  });

  it('a district office lists and reads its delegations; another district’s office gets 403', async () => {
    const list = await t.api('GET', '/authority/delegations?limit=2', { token: as.admin });
    const id = list.body.items[0].id as string;

    expect(list.status).toBe(200);
    expect(list.body.cursor).toBeDefined();
    expect((await t.api('GET', `/authority/delegations/${id}`, { token: as.admin })).body.id).toBe(id);
    expect((await t.api('GET', `/authority/delegations/${id}`, { token: as.otherDistrictAdmin })).status).toBe(403);
    expect((await t.api('GET', '/authority/delegations?district=D01', { token: as.otherDistrictAdmin })).status).toBe(403);
    expect((await t.api('GET', `/authority/delegations/${ulid()}`, { token: as.admin })).status).toBe(404);
  });
});

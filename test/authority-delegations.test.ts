import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../kernel/store.ts';
import { startDelegation } from '../services/authority/delegations/domain.ts';
import { DelegationStore } from '../services/authority/delegations/store.ts';
import { authority } from '../services/authority/service.ts';
import { testTable } from './setup/context.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { authorityTokens, fieldsOf, inParallel, power, publishedWhere, streetPath, type AuthorityTokens } from './support/authority.ts';

/** The power catalog and its delegations to streets, end to end through the local gateway. */
let t: TestCloud;
let as: AuthorityTokens;

beforeAll(async () => {
  t = await startTestCloud({ services: [authority] });
  as = await authorityTokens(t);
  const codes = ['CM-0001', 'CM-0002', 'CM-0003', 'WA-0001', 'HE-0001'];
  const added = await inParallel(codes, 5, (code) =>
    t.api('POST', '/authority/powers', { token: as.admin, body: power(code, code.startsWith('CM') ? 'law-enforcement' : 'convenience-services') }),
  );
  expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
});
afterAll(() => t?.stop());

const delegate = (body: Record<string, unknown>, token = as.admin) => t.api('POST', '/authority/delegations', { token, body });
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

  it('a code already in the catalog is 409, whatever its case, and writes nothing', async () => {
    const before = await t.count('authority');

    const duplicate = await t.api('POST', '/authority/powers', { token: as.admin, body: power('cm-0001') });

    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toBe('application/problem+json');
    expect(duplicate.body.detail).toBe('Power CM-0001 is already in the catalog.');
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
    const delegated = await delegate({
      decisionRef: 'D01-GOV-2025-07',
      effectiveOn: '2025-07-01',
      codes: ['CM-0002', 'CM-0001'],
      streets: ['D01/S03', 'D01/S04'],
    });
    expect(delegated.status).toBe(201);
    expect(delegated.body).toMatchObject({ status: 'in-force', codes: ['CM-0001', 'CM-0002'], grants: { pairs: 4, items: 2 } });

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
    const first = await delegate({ decisionRef: 'D01-A', effectiveOn: '2024-01-01', codes: ['WA-0001', 'HE-0001', 'CM-0003'], streets: ['D01/S07'] });
    await t.api('POST', `/authority/delegations/${first.body.id}/revoke`, { token: as.admin, body: { from: '2024-06-01', reason: 'Replaced.' } });
    await delegate({ decisionRef: 'D01-B', effectiveOn: '2024-06-01', codes: ['WA-0001', 'HE-0001', 'CM-0003'], streets: ['D01/S07'] });

    const page1 = await holdings('D01/S07', '2024-08-01', '&limit=2');
    const page2 = await holdings('D01/S07', '2024-08-01', `&limit=2&cursor=${page1.body.cursor}`);

    expect(page1.body.items.map((p: { code: string }) => p.code)).toEqual(['CM-0003', 'HE-0001']);
    expect(page2.body.items.map((p: { code: string }) => p.code)).toEqual(['WA-0001']);
    expect(page2.body.cursor).toBeUndefined();
    expect(page2.body.items[0]).toMatchObject({ since: '2024-01-01', heldUnder: [{ decisionRef: 'D01-B' }] });
  });

  it('the street may be written with its slash encoded, and a cursor of another street is 400', async () => {
    const encoded = await t.api('GET', '/authority/streets/D01%2FS07/powers?on=2024-08-01&limit=1');
    expect(encoded.status).toBe(200);

    const foreign = await holdings('D01/S03', '2024-08-01', `&cursor=${encoded.body.cursor}`);
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['query.cursor']);
  });

  it('the same decision again is 409 (a retry under an Idempotency-Key: test/idempotency.test.ts)', async () => {
    const body = { decisionRef: 'D01-IDEM', effectiveOn: '2025-08-01', codes: ['CM-0001'], streets: ['D01/S08'] };
    const first = await delegate(body);
    const again = await delegate(body);

    expect(first.status).toBe(201);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`Decision D01-IDEM was already delegated (delegation ${first.body.id}).`);
  });

  it('a delegation that stopped part way shows as recording, grants nothing, and is finished by submitting its decision again', async () => {
    // The first attempt wrote the delegation and the grants of one street of two, then died.
    const body = { decisionRef: 'D01-CRASHED', effectiveOn: '2025-09-01', codes: ['CM-0001', 'CM-0002'], streets: ['D01/S10', 'D01/S11'] };
    const table = new Store(testTable('authority'));
    const store = new DelegationStore(table);
    const cause = { correlationId: 'crashed', now: new Date().toISOString(), actor: { sub: 'd01-office', roles: ['district-admin'] } };
    const stopped = startDelegation(ulid(), body, new Set(body.codes), cause);
    await table.commit(store.beginCommit(stopped));
    await store.writeGrants(stopped, (grant) => grant.street === 'D01/S10');

    const listed = await t.api('GET', '/authority/delegations?limit=100', { token: as.admin });
    expect(listed.body.items.find((d: { id: string }) => d.id === stopped.id)).toMatchObject({ status: 'recording' });
    expect(await codesHeld('D01/S10', '2025-09-01')).toEqual([]);

    const resumed = await delegate(body);

    expect(resumed.status).toBe(201);
    expect(resumed.body).toMatchObject({ id: stopped.id, status: 'in-force' });
    expect(await codesHeld('D01/S10', '2025-09-01')).toEqual(['CM-0001', 'CM-0002']);
    expect(await codesHeld('D01/S11', '2025-09-01')).toEqual(['CM-0001', 'CM-0002']);
  });

  it('revoking again is 409, and from before the effective date 422', async () => {
    const delegated = await delegate({ decisionRef: 'D01-REVOKE', effectiveOn: '2025-07-01', codes: ['CM-0003'], streets: ['D01/S12'] });
    const path = `/authority/delegations/${delegated.body.id}/revoke`;

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

import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSettled } from '../chaos/checks.ts';
import { FaultInjector } from '../infra/local/faults.ts';
import { waitFor } from '../infra/local/wait.ts';
import { MAX_ATTEMPTS } from '../kernel/retry.ts';
import { putNew, Store } from '../kernel/store.ts';
import { AppointmentRequested } from '../contracts/recruitment.ts';
import { testTable } from './setup/context.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { poolBody } from './support/funding.ts';
import { putOnBus } from './support/premises.ts';
import { consentCaseFor, nominate, sagaTokens, type SagaTokens } from './support/saga.ts';

/**
 * Each fault the chaos run injects at random (infra/local/faults.ts), injected here once, on purpose,
 * at the one point it is about, to show the retry path that deals with it: the kernel's unit of work
 * for a TransactionConflict (routes, consumers, a bare commit), the SDK's retry for throttling, the
 * Idempotency-Key for a write whose answer was lost, the relay's saved position, the queue's redelivery.
 */
const faults = new FaultInjector({ seed: 9, probability: 0 });
let t: TestCloud;
let as: SagaTokens & { finance: string };
beforeAll(async () => {
  t = await startTestCloud({ faults, scheduleTimers: false });
  as = { ...(await sagaTokens(t)), finance: await t.token({ sub: 'finance-d01', roles: ['finance'], jurisdiction: 'D01' }) };
});
afterAll(() => t?.stop());
/** Every history item on the bus and every queue drained. */
async function settled(): Promise<void> {
  const client = new DynamoDBClient({});
  await waitFor('the relay and the bus to settle', async () => ((await isSettled(client, t.cloud, t.published)) ? true : undefined));
  client.destroy();
}
// Whatever an earlier test set off has finished: the fault forced next meets the call it is meant for.
beforeEach(async () => {
  await settled();
  faults.counts['transaction-conflict'] = 0;
});

const eventIdOf = (e: { detail: unknown }) => (e.detail as { metadata: { eventId: string } }).metadata.eventId;
const about = (type: string, id: string) => t.published.filter((e) => e['detail-type'] === type && JSON.stringify(e.detail).includes(id));

/** The consent cases (all statuses' pending list) opened for an appointment. */
async function casesOf(appointmentId: string) {
  const list = await t.api('GET', '/authority/consents?status=pending&limit=100', { token: as.committee });
  return (list.body.items as Array<{ appointmentId: string }>).filter((c) => c.appointmentId === appointmentId);
}

describe('TransactionConflict, which DynamoDB Local never reports', () => {
  it('on a route: the handler reads, decides and commits again; one pool, a 201', async () => {
    faults.force('transaction-conflict', { times: 2 });
    const created = await t.api('POST', '/funding/pools', { token: as.finance, body: poolBody('D01/S03', 2026, [10_000]) });
    expect(created.status).toBe(201);
    expect(faults.counts['transaction-conflict']).toBe(2);
    expect((await t.api('GET', `/funding/pools/${created.body.id}`, { token: as.finance })).body).toMatchObject({ remainingFen: 10_000 });
  });

  it('in a consumer: applied once, after the conflicts', async () => {
    const appointmentId = ulid();
    faults.force('transaction-conflict', { times: 2 });
    await putOnBus(t, AppointmentRequested, {
      appointmentId, street: 'D01/S03', department: 'sanitation', agency: 'Sanitation station S03', action: 'appoint',
      nominee: { name: 'Zhao Min' }, reason: 'New station.', requestedAt: new Date().toISOString(),
    });
    await consentCaseFor(t, as.committee, appointmentId);
    await settled();
    expect(faults.counts['transaction-conflict']).toBe(2);
    expect(await casesOf(appointmentId)).toHaveLength(1);
  });

  it(`on a commit outside any unit of work: the same transaction again, up to ${MAX_ATTEMPTS} attempts`, async () => {
    // A store of the test's own: the runtime instruments the services' tables, the test its own client.
    const store = new Store(testTable('coordination'));
    faults.instrument.attach(store.doc);
    const key = (n: number) => ({ pk: `CHAOS#${n}`, sk: 'STATE' });
    faults.force('transaction-conflict', { times: 2 });
    await store.commit({ writes: [putNew({ ...key(1), itemType: 'probe' }, 'exists')], events: [] });
    expect(await store.get(key(1))).toBeDefined();

    faults.force('transaction-conflict', { times: MAX_ATTEMPTS });
    await expect(store.commit({ writes: [putNew({ ...key(2), itemType: 'probe' }, 'exists')], events: [] })).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(await store.get(key(2))).toBeUndefined();
    expect(faults.counts['transaction-conflict']).toBe(2 + MAX_ATTEMPTS);
  });
});

it('ProvisionedThroughputExceeded is retried by the SDK itself', async () => {
  const store = new Store(testTable('coordination'));
  faults.instrument.attach(store.doc);
  faults.force('throughput', { operation: 'GetItem' });
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'CHAOS#none', sk: 'STATE' } }));
  expect(out.$metadata.attempts).toBe(2);
});

describe('a write whose answer is lost', () => {
  it('committed but answered 500: the retry with the same Idempotency-Key gets the first answer, one pool', async () => {
    const headers = { 'idempotency-key': `pool-${ulid()}` };
    const body = poolBody('D01/S04', 2026, [20_000]);
    faults.force('dynamodb-after', { operation: 'TransactWriteItems' });
    const lost = await t.api('POST', '/funding/pools', { token: as.finance, body, headers });
    expect(lost.status).toBe(500);
    expect(lost.headers.get('content-type')).toContain('application/problem+json');

    const retried = await t.api('POST', '/funding/pools', { token: as.finance, body, headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    await waitFor('PoolCreated on the bus', async () => (about('PoolCreated', retried.body.id).length > 0 ? true : undefined));
    await settled();
    expect(t.published.filter((e) => e['detail-type'] === 'PoolCreated' && JSON.stringify(e.detail).includes('D01/S04'))).toHaveLength(1);
  });

  it('failed before DynamoDB: 500, nothing written, and the retry makes it', async () => {
    const headers = { 'idempotency-key': `pool-${ulid()}` };
    const body = poolBody('D01/S05', 2026, [30_000]);
    faults.force('dynamodb-before', { operation: 'TransactWriteItems' });
    expect((await t.api('POST', '/funding/pools', { token: as.finance, body, headers })).status).toBe(500);
    const retried = await t.api('POST', '/funding/pools', { token: as.finance, body, headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('the relay and the bus', () => {
  it('a relay crash before the position is saved: the event goes out again, applied once', async () => {
    faults.force('relay-before-checkpoint');
    const id = (await nominate(t, as.department, { street: 'D01/S03', agency: 'Market station S03', nominee: { name: 'Qian Yu' }, reason: 'Retired.' })).body.id as string;
    await consentCaseFor(t, as.committee, id);
    await waitFor('AppointmentRequested on the bus twice', async () => (about('AppointmentRequested', id).length >= 2 ? true : undefined));
    await settled();
    expect(new Set(about('AppointmentRequested', id).map(eventIdOf)).size).toBe(1);
    expect(await casesOf(id)).toHaveLength(1);
  });

  it('a relay crash before forwarding: it reads again from its saved position, the event goes out once', async () => {
    const department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'housing' });
    faults.force('relay-before-forward');
    const id = (await nominate(t, department, { street: 'D01/S03', agency: 'Housing station S03', nominee: { name: 'Sun Li' }, reason: 'Retired.' })).body.id as string;
    await consentCaseFor(t, as.committee, id);
    await settled();
    expect(about('AppointmentRequested', id)).toHaveLength(1);
    expect(await casesOf(id)).toHaveLength(1);
  });

  it('a lost acknowledgement: the queue delivers again, the inbox absorbs it', async () => {
    const department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'food-and-drug' });
    faults.force('bus-ack');
    const id = (await nominate(t, department, { street: 'D01/S03', agency: 'Food station S03', nominee: { name: 'Zhou Ping' }, reason: 'Retired.' })).body.id as string;
    await consentCaseFor(t, as.committee, id);
    await settled();
    expect(faults.counts['bus-ack']).toBe(1);
    expect(await casesOf(id)).toHaveLength(1);
    expect(about('ConsentCaseOpened', id)).toHaveLength(1);
    expect(await t.cloud.bus.deadLetters()).toEqual([]);
  });
});

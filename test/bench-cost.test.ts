import { describe, expect, it } from 'vitest';
import { capacityOf, CostMeter, describeInvocation, operationOf, writesOf, type InvocationRecord } from '../bench/lib/cost/meter.ts';
import { priceOfAMillion, PRICES } from '../bench/lib/cost/prices.ts';
import { overGoal, summarize } from '../bench/lib/cost/summary.ts';
import { putNew, Store } from '../kernel/store.ts';
import { testTable } from './setup/context.ts';

/** Issue 23: the bench's cost meter and its arithmetic. */
describe('the cost meter', () => {
  it('names the document client\'s commands as DynamoDB operations', () => {
    expect(operationOf('GetCommand')).toBe('GetItem');
    expect(operationOf('TransactWriteCommand')).toBe('TransactWriteItems');
    expect(operationOf('BatchGetCommand')).toBe('BatchGetItem');
    expect(operationOf('QueryCommand')).toBe('Query');
    expect(operationOf('TransactWriteItemsCommand')).toBe('TransactWriteItems');
  });

  it('counts the items a write writes and the history items (events) among them, plain or marshalled', () => {
    const history = { pk: 'A', sk: 'HISTORY#1', itemType: 'history' };
    expect(
      writesOf('TransactWriteItems', {
        TransactItems: [{ Put: { Item: { pk: 'A', sk: 'STATE' } } }, { Put: { Item: history } }, { Update: {} }, { Delete: {} }, { ConditionCheck: {} }],
      }),
    ).toEqual({ items: 4, events: 1 });
    expect(writesOf('PutItem', { Item: { pk: { S: 'A' }, itemType: { S: 'history' } } })).toEqual({ items: 1, events: 1 });
    expect(writesOf('BatchWriteItem', { RequestItems: { t: [{ PutRequest: { Item: history } }, { DeleteRequest: {} }] } })).toEqual({ items: 2, events: 1 });
    expect(writesOf('GetItem', {})).toEqual({ items: 0, events: 0 });
  });

  it('reads request units from ConsumedCapacity, split where DynamoDB splits them, else by the operation', () => {
    expect(capacityOf('GetItem', { CapacityUnits: 1 })).toEqual({ rru: 1, wru: 0 });
    expect(capacityOf('TransactWriteItems', [{ CapacityUnits: 4 }, { CapacityUnits: 2 }])).toEqual({ rru: 0, wru: 6 });
    expect(capacityOf('UpdateItem', { CapacityUnits: 3, ReadCapacityUnits: 1, WriteCapacityUnits: 2 })).toEqual({ rru: 1, wru: 2 });
    expect(capacityOf('Query', undefined)).toEqual({ rru: 0, wru: 0 });
  });

  it('tells an invocation by its route key or its events, with their correlation ids', () => {
    expect(describeInvocation({ kind: 'http', service: 's', event: { routeKey: 'POST /s/things', headers: { 'x-correlation-id': 'c1' } } })).toEqual({
      name: 'POST /s/things',
      correlationIds: ['c1'],
      records: 1,
    });
    const record = (type: string, correlationId: string) => ({ body: JSON.stringify({ 'detail-type': type, detail: { metadata: { correlationId } } }) });
    expect(describeInvocation({ kind: 'events', service: 's', event: { Records: [record('B', 'c1'), record('A', 'c2'), record('A', 'c1')] } })).toEqual({
      name: 'A+B',
      correlationIds: ['c1', 'c2'],
      records: 3,
    });
  });

  it("counts a real store's calls inside an invocation, with DynamoDB Local's consumed capacity, and none outside one", async () => {
    const meter = new CostMeter();
    const store = new Store(testTable('authority'));
    meter.instrument.attach(store.doc);
    try {
      await store.get({ pk: 'OUTSIDE', sk: 'X' });
      const event = { routeKey: 'POST /authority/things', headers: { 'x-correlation-id': 'metered' } };
      await meter.around({ kind: 'http', service: 'authority', event }, async () => {
        await store.get({ pk: 'THING#1', sk: 'STATE' });
        await store.commit({ writes: [putNew({ pk: 'THING#1', sk: 'STATE', itemType: 'thing' }, 'exists')], events: [] });
        return { statusCode: 201 };
      });
    } finally {
      meter.instrument.detach(store.doc);
    }
    expect(meter.invocations).toHaveLength(1);
    const [record] = meter.invocations;
    expect(record!.status).toBe(201);
    expect(record!.figures.calls).toEqual({ GetItem: 1, TransactWriteItems: 1 });
    expect(record!.figures.itemsWritten).toBe(1);
    expect(record!.figures.rru).toBeGreaterThan(0);
    expect(record!.figures.wru).toBeGreaterThan(0);
    expect(record!.dynamoMs).toBeGreaterThan(0);
    expect(record!.dynamoMs).toBeLessThanOrEqual(record!.durationMs);
  });
});

describe('the price of a million', () => {
  it('adds Lambda (requests and GB-seconds, rounded up to the ms), request units, events and the entry', () => {
    const route = priceOfAMillion({ kind: 'route', memoryMb: 512, durationMs: 9.2, rru: 1, wru: 4, eventsEmitted: 1 });
    // 1e6 × (0.2e-6 + 0.5 GB × 0.010 s × 0.0000133334) = 0.2 + 0.066667
    expect(route.lambda).toBeCloseTo(0.2667, 4);
    expect(route.dynamodb).toBeCloseTo(0.125 + 4 * 0.625, 4);
    expect(route.events).toBeCloseTo(0.4 + 1.0, 4);
    expect(route.entry).toBeCloseTo(1.0, 4);
    expect(route.total).toBeCloseTo(route.lambda + route.dynamodb + route.events + route.entry, 3);
    const reaction = priceOfAMillion({ kind: 'consumer', memoryMb: 1024, durationMs: 1, rru: 0, wru: 0, eventsEmitted: 0 });
    expect(reaction.entry).toBeCloseTo(3 * 0.4, 4);
    expect(reaction.lambda).toBeCloseTo(0.2 + 0.001 * PRICES.lambdaArmPerGbSecond * 1e6, 4);
  });
});

describe('the goal and the summary', () => {
  const figures = (calls: Record<string, number>) => ({ calls, rru: 1, wru: 2, itemsWritten: 2, eventsEmitted: 1 });

  it('holds a write route to one read and one transaction, a reaction to the same besides its inbox', () => {
    expect(overGoal('route', 'POST', figures({ GetItem: 1, TransactWriteItems: 1 }))).toBeUndefined();
    expect(overGoal('route', 'POST', figures({ GetItem: 2, TransactWriteItems: 1 }))).toMatch(/^2 read round trips/);
    expect(overGoal('route', 'POST', figures({ TransactWriteItems: 2 }))).toMatch(/2 TransactWriteItems/);
    expect(overGoal('route', 'GET', figures({ Query: 1 }))).toBeUndefined();
    expect(overGoal('consumer', 'POST', figures({ GetItem: 2, TransactWriteItems: 1 }))).toBeUndefined();
    expect(overGoal('consumer', 'POST', figures({ GetItem: 1, PutItem: 2, TransactWriteItems: 1 }))).toMatch(/2 writes outside a transaction/);
  });

  it('finds a request and what it set off by its correlation id, and prices a reaction per event', () => {
    const invocation = (kind: 'http' | 'events', service: string, name: string, correlationIds: string[], durationMs: number, records = 1): InvocationRecord => ({
      kind,
      service,
      name,
      correlationIds,
      records,
      durationMs,
      dynamoMs: durationMs / 2,
      figures: figures(kind === 'http' ? { GetItem: 1, TransactWriteItems: 1 } : { GetItem: 2, TransactWriteItems: 1 }),
    });
    const invocations = [
      invocation('http', 'a', 'POST /a/x', ['r1'], 10),
      invocation('http', 'a', 'POST /a/x', ['other'], 99),
      invocation('events', 'b', 'Happened', ['r1'], 6),
      invocation('events', 'b', 'Happened', ['other', 'more'], 20, 2),
    ];
    const samples = [{ service: 'a', name: 'x', routeKey: 'POST /a/x', method: 'POST', correlationId: 'r1', status: 201 }];
    const summary = summarize(invocations, samples, [
      { service: 'b', detailType: 'Happened' },
      { service: 'b', detailType: 'Never' },
    ]);
    const route = summary.operations.find((o) => o.kind === 'route')!;
    expect(route.durationMs).toBe(10);
    expect(route.fanOut?.reactions).toBe(1);
    expect(route.fanOut?.figures.calls).toEqual({ GetItem: 2, TransactWriteItems: 1 });
    const reaction = summary.operations.find((o) => o.kind === 'consumer')!;
    // Per event: 6 ms alone, 10 ms each in the batch of two; the median of the two.
    expect(reaction.samples).toBe(3);
    expect(reaction.durationMs).toBe(6);
    expect(summary.unreached).toEqual(['b ← Never']);
  });
});

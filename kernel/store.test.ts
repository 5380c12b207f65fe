import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { testTable } from '../test/setup/context.ts';
import { recordCalls } from '../test/support/dynamo-calls.ts';
import { encodeCursor } from './cursor.ts';
import { BadRequestError, ConflictError } from './errors.ts';
import { defineEvent, newEvent, type Cause } from './events.ts';
import {
  DuplicateDeliveryError,
  IdempotentReplayError,
  putNew,
  putVersioned,
  Store,
  type Item,
} from './store.ts';

const LedgerEntered = defineEvent({
  source: 'five-haves.test',
  detailType: 'LedgerEntered',
  schemaVersion: 1,
  data: () => z.object({ ledgerId: z.string(), amountFen: z.number().check(z.int()) }),
});

const store = new Store(testTable('funding'));

const cause = (now = new Date().toISOString()): Cause => ({
  correlationId: 'corr-store',
  now,
  actor: { sub: 'finance-1', roles: ['finance'] },
});

/** Every item of a partition, read consistently: what the table really holds. */
async function partition(pk: string): Promise<Item[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as Item[];
}

const history = async (pk: string) => (await partition(pk)).filter((item) => item.sk.startsWith('HISTORY#'));

/** A fresh aggregate per test: tests share the file's table but never a partition. */
let ledger: string;
beforeEach(() => {
  ledger = `LEDGER#${ulid()}`;
});

describe('commit', () => {
  it('writes the state and one history item per event in one transaction', async () => {
    const now = '2025-04-01T09:00:00.000Z';
    const first = newEvent(LedgerEntered, ledger, { ledgerId: ledger, amountFen: 100 }, cause(now));
    const second = newEvent(LedgerEntered, ledger, { ledgerId: ledger, amountFen: 250 }, cause(now));

    await store.commit({
      writes: [putNew({ pk: ledger, sk: 'STATE', balanceFen: 350, version: 1 }, 'exists')],
      events: [first, second],
    });

    const items = await partition(ledger);
    expect(items.map((item) => item.sk).sort()).toEqual(
      [
        'STATE',
        `HISTORY#${now}#${first.detail.metadata.eventId}`,
        `HISTORY#${now}#${second.detail.metadata.eventId}`,
      ].sort(),
    );
  });

  it('a history item carries the event as the Pipe forwards it: itemType, eventSource, detailType, detail as JSON text', async () => {
    const event = newEvent(LedgerEntered, ledger, { ledgerId: ledger, amountFen: 100 }, cause());

    await store.commit({ writes: [], events: [event] });

    const [item] = await history(ledger);
    expect(item).toMatchObject({
      pk: ledger,
      sk: `HISTORY#${event.detail.metadata.occurredAt}#${event.detail.metadata.eventId}`,
      itemType: 'history',
      eventSource: 'five-haves.test',
      detailType: 'LedgerEntered',
      eventId: event.detail.metadata.eventId,
      correlationId: 'corr-store',
      actorSub: 'finance-1',
    });
    expect(JSON.parse(item!.detail as string)).toEqual(event.detail);
  });

  it('putNew on an existing key is a ConflictError with that write’s message, and nothing of the commit is written', async () => {
    await store.commit({ writes: [putNew({ pk: ledger, sk: 'STATE', version: 1 }, 'first')], events: [] });
    const other = `LEDGER#${ulid()}`;
    const attempt = store.commit({
      writes: [
        putNew({ pk: other, sk: 'STATE', version: 1 }, 'the other ledger exists'),
        putNew({ pk: ledger, sk: 'STATE', version: 1 }, `Ledger ${ledger} already exists.`),
      ],
      events: [newEvent(LedgerEntered, other, { ledgerId: other, amountFen: 1 }, cause())],
    });

    await expect(attempt).rejects.toThrow(new ConflictError(`Ledger ${ledger} already exists.`));
    expect(await partition(other)).toEqual([]);
  });

  it('putVersioned with a stale version is a ConflictError, leaves the item as it was and writes no history', async () => {
    await store.commit({ writes: [putNew({ pk: ledger, sk: 'STATE', balanceFen: 10, version: 1 }, 'exists')], events: [] });
    await store.commit({
      writes: [putVersioned({ pk: ledger, sk: 'STATE', balanceFen: 20, version: 2 }, 'changed meanwhile')],
      events: [],
    });

    const stale = store.commit({
      writes: [putVersioned({ pk: ledger, sk: 'STATE', balanceFen: 99, version: 2 }, 'The ledger changed meanwhile.')],
      events: [newEvent(LedgerEntered, ledger, { ledgerId: ledger, amountFen: 79 }, cause())],
    });

    await expect(stale).rejects.toThrow(new ConflictError('The ledger changed meanwhile.'));
    expect(await partition(ledger)).toEqual([{ pk: ledger, sk: 'STATE', balanceFen: 20, version: 2 }]);
  });

  it('putVersioned of an item that does not exist is a ConflictError', async () => {
    const attempt = store.commit({
      writes: [putVersioned({ pk: ledger, sk: 'STATE', version: 2 }, 'No such ledger version.')],
      events: [],
    });

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
  });

  it('a commit with neither writes nor events sends nothing and succeeds', async () => {
    await expect(store.commit({ writes: [], events: [] })).resolves.toBeUndefined();
  });

  it('a commit of more than 100 writes is refused before it reaches DynamoDB', async () => {
    const writes = Array.from({ length: 101 }, (_, i) => putNew({ pk: ledger, sk: `ITEM#${i}` }, 'exists'));

    await expect(store.commit({ writes, events: [] })).rejects.toThrow("a commit of 101 writes exceeds DynamoDB's 100");
    expect(await partition(ledger)).toEqual([]);
  });
});

describe('the inbox guard', () => {
  it('committing a second time with the same inbox eventId is a DuplicateDeliveryError and writes nothing', async () => {
    const eventId = ulid();
    const inbox = { eventId, source: 'five-haves.test', detailType: 'LedgerEntered', now: new Date().toISOString() };
    await store.commit({ writes: [putNew({ pk: ledger, sk: 'STATE', version: 1 }, 'exists')], events: [] }, { inbox });
    const second = `LEDGER#${ulid()}`;

    const again = store.commit(
      {
        writes: [putNew({ pk: second, sk: 'STATE', version: 1 }, 'exists')],
        events: [newEvent(LedgerEntered, second, { ledgerId: second, amountFen: 5 }, cause())],
      },
      { inbox },
    );

    await expect(again).rejects.toThrow(DuplicateDeliveryError);
    expect(await partition(second)).toEqual([]);
  });

  it('the inbox records the applied event beside the change', async () => {
    const eventId = ulid();
    const now = new Date().toISOString();

    await store.commit(
      { writes: [putNew({ pk: ledger, sk: 'STATE', version: 1 }, 'exists')], events: [] },
      { inbox: { eventId, source: 'five-haves.test', detailType: 'LedgerEntered', now } },
    );

    expect(await store.hasApplied(eventId)).toBe(true);
    expect(await partition(`INBOX#${eventId}`)).toEqual([
      { pk: `INBOX#${eventId}`, sk: 'INBOX', itemType: 'inbox', source: 'five-haves.test', detailType: 'LedgerEntered', appliedAt: now },
    ]);
  });

  // Known defect (see the report): DynamoDB names every failed condition, and commit() maps the
  // first one, so a concurrent duplicate whose state write also conflicts surfaces as a 409 instead
  // of being absorbed. When kernel/store.ts checks the guards first, drop `.fails`.
  it('a redelivery whose state write also conflicts is still a DuplicateDeliveryError', async () => {
    const eventId = ulid();
    const inbox = { eventId, source: 'five-haves.test', detailType: 'LedgerEntered', now: new Date().toISOString() };
    const change = { writes: [putNew({ pk: ledger, sk: 'STATE', version: 1 }, 'Ledger exists.')], events: [] };
    await store.commit(change, { inbox });

    await expect(store.commit(change, { inbox })).rejects.toThrow(DuplicateDeliveryError);
  });
});

describe('the idempotency guard', () => {
  const record = (key: string, now: string) => ({
    sub: 'finance-1',
    key,
    requestHash: 'hash-1',
    response: { statusCode: 201, body: { ledger: 'first' } },
    now,
  });

  it('a second commit under the same Idempotency-Key is an IdempotentReplayError and writes nothing', async () => {
    const key = `key-${ulid()}`;
    await store.commit(
      { writes: [putNew({ pk: ledger, sk: 'STATE', version: 1 }, 'exists')], events: [] },
      { idempotency: record(key, new Date().toISOString()) },
    );
    const second = `LEDGER#${ulid()}`;

    const replay = store.commit(
      { writes: [putNew({ pk: second, sk: 'STATE', version: 1 }, 'exists')], events: [] },
      { idempotency: record(key, new Date().toISOString()) },
    );

    await expect(replay).rejects.toThrow(IdempotentReplayError);
    expect(await partition(second)).toEqual([]);
  });

  it('the first response is kept under the key and read back for a retry', async () => {
    const key = `key-${ulid()}`;

    await store.commit({ writes: [], events: [] }, { idempotency: record(key, new Date().toISOString()) });

    expect(await store.idempotencyRecord('finance-1', key)).toEqual({
      sub: 'finance-1',
      key,
      requestHash: 'hash-1',
      response: { statusCode: 201, body: { ledger: 'first' } },
    });
  });

  it('a key older than a day is not replayed (TTL may not have removed it yet)', async () => {
    const key = `key-${ulid()}`;
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();

    await store.commit({ writes: [], events: [] }, { idempotency: record(key, twoDaysAgo) });

    expect(await store.idempotencyRecord('finance-1', key)).toBeUndefined();
  });
});

describe('pages', () => {
  async function fill(count: number, gsi1pk?: string): Promise<string[]> {
    const sks = Array.from({ length: count }, (_, i) => `ENTRY#${String(i).padStart(3, '0')}`);
    await store.commit({
      writes: sks.map((sk) =>
        putNew({ pk: ledger, sk, ...(gsi1pk ? { gsi1pk, gsi1sk: sk } : {}) }, 'exists'),
      ),
      events: [],
    });
    return sks;
  }

  async function readAll(query: Omit<Parameters<Store['page']>[0], 'cursor'>): Promise<{ sks: string[]; pages: number }> {
    const sks: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.page({ ...query, ...(cursor ? { cursor } : {}) });
      sks.push(...page.items.map((item) => item.sk));
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 50);
    return { sks, pages };
  }

  it('cursor pagination returns every item of a partition exactly once, newest first', async () => {
    const sks = await fill(7);

    const { sks: seen, pages } = await readAll({ partition: ledger, limit: 3 });

    expect(seen).toEqual([...sks].reverse());
    expect(pages).toBe(3);
  });

  it('ascending pages return every item once, oldest first', async () => {
    const sks = await fill(6);

    const { sks: seen } = await readAll({ partition: ledger, limit: 4, ascending: true });

    expect(seen).toEqual(sks);
  });

  it('pages of the gsi1 index return every item of its partition exactly once', async () => {
    const gsi1pk = `ENTRIES#${ulid()}`;
    const sks = await fill(5, gsi1pk);

    const { sks: seen } = await readAll({ index: 'gsi1', partition: gsi1pk, limit: 2, ascending: true });

    expect(seen).toEqual(sks);
  });

  it('a cursor of another partition is a BadRequestError', async () => {
    await fill(3);
    const foreign = encodeCursor({ pk: 'LEDGER#someone-else', sk: 'ENTRY#001' });

    await expect(store.page({ partition: ledger, limit: 2, cursor: foreign })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('a tampered cursor is a BadRequestError naming query.cursor', async () => {
    await fill(3);
    const { cursor } = await store.page({ partition: ledger, limit: 2 });
    const tampered = `${cursor!.slice(0, -2)}!!`;

    const attempt = store.page({ partition: ledger, limit: 2, cursor: tampered });

    await expect(attempt).rejects.toBeInstanceOf(BadRequestError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'query.cursor' }] });
  });

  it('a cursor with attributes that are not keys is a BadRequestError', async () => {
    const smuggled = encodeCursor({ pk: ledger, sk: 'ENTRY#001', balanceFen: '1' });

    await expect(store.page({ partition: ledger, limit: 2, cursor: smuggled })).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('reads asked for together', () => {
  it('go as one BatchGetItem, each answered with its own item (or none); a read alone is a GetItem', async () => {
    const [a, b] = [`GATHER#${ulid()}`, `GATHER#${ulid()}`];
    await store.commit({ writes: [putNew({ pk: a, sk: 'STATE', n: 1 }, 'a exists'), putNew({ pk: b, sk: 'STATE', n: 2 }, 'b exists')], events: [] });
    const recorder = recordCalls(store);
    try {
      const [first, missing, second, again] = await Promise.all([
        store.get({ pk: a, sk: 'STATE' }),
        store.get({ pk: `GATHER#${ulid()}`, sk: 'STATE' }),
        store.get({ pk: b, sk: 'STATE' }),
        store.get({ pk: a, sk: 'STATE' }),
      ]);
      expect([first?.n, missing, second?.n, again?.n]).toEqual([1, undefined, 2, 1]);
      expect(recorder.calls).toEqual(['BatchGetItemCommand']);
      expect((await store.get({ pk: b, sk: 'STATE' }))?.n).toBe(2);
      expect(recorder.calls).toEqual(['BatchGetItemCommand', 'GetItemCommand']);
    } finally {
      recorder.stop();
    }
  });
});

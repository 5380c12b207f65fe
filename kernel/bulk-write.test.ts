import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import { testTable } from '../test/setup/context.ts';
import { commitInChunks, putRepeatable } from './bulk-write.ts';
import { ConflictError } from './errors.ts';
import { putNew, Store, type Item, type Write } from './store.ts';

const store = new Store(testTable('premises'));

async function partition(pk: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

let pk: string;
beforeEach(() => {
  pk = `CHUNKS#${ulid()}`;
});

const repeatable = (count: number): Write[] =>
  Array.from({ length: count }, (_, i) => putRepeatable({ pk, sk: `ITEM#${String(i).padStart(4, '0')}`, n: i }));

/**
 * What a test may take per transaction it commits: a 100-item TransactWriteItems takes DynamoDB Local
 * about a second with both cores busy (three in 2.7 s at a load of 9), and the whole suite beside it
 * can queue it several times longer; 15 s each leaves a wide margin. The failure paths need no full
 * chunks: they run on chunks of 10, the same code with a tenth of the writes.
 */
const PER_TRANSACTION_MS = 15_000;
const SMALL_CHUNK = 10;

describe('commitInChunks', () => {
  it('250 writes go in 3 transactions of at most 100, and every item is there once', async () => {
    const { transactions } = await commitInChunks(store, repeatable(250));

    expect(transactions).toBe(3);
    const items = await partition(pk);
    expect(items).toHaveLength(250);
    expect(new Set(items.map((i) => i.sk)).size).toBe(250);
  }, 4 * PER_TRANSACTION_MS);

  it('a failed chunk is thrown after the others finish; running the same writes again completes them, nothing doubled', async () => {
    await store.commit({ writes: [putNew({ pk, sk: 'ITEM#0015' }, 'taken')], events: [] });
    // Chunk 2 of 3 also creates ITEM#0015 with putNew: it fails as a crash part-way would.
    const writes = repeatable(25).map((w, i) => (i === 15 ? putNew({ pk, sk: 'ITEM#0015', n: 15 }, 'ITEM#0015 exists') : w));

    await expect(commitInChunks(store, writes, { chunkSize: SMALL_CHUNK, concurrency: 1 })).rejects.toThrow(new ConflictError('ITEM#0015 exists'));
    expect(await partition(pk)).toHaveLength(SMALL_CHUNK + 1);

    await commitInChunks(store, repeatable(25), { chunkSize: SMALL_CHUNK });
    const items = await partition(pk);
    expect(items).toHaveLength(25);
    expect(items.filter((i) => i.sk === 'ITEM#0015')).toEqual([{ pk, sk: 'ITEM#0015', n: 15 }]);
  }, 8 * PER_TRANSACTION_MS);

  it('with one worker and a failure in the first chunk, no later chunk is started', async () => {
    await store.commit({ writes: [putNew({ pk, sk: 'ITEM#0000' }, 'taken')], events: [] });
    const writes = repeatable(25).map((w, i) => (i === 0 ? putNew({ pk, sk: 'ITEM#0000' }, 'first exists') : w));

    await expect(commitInChunks(store, writes, { chunkSize: SMALL_CHUNK, concurrency: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await partition(pk)).toHaveLength(1);
  }, 3 * PER_TRANSACTION_MS);

  it('no writes is no transaction', async () => {
    expect(await commitInChunks(store, [])).toEqual({ transactions: 0 });
  });

  it('a chunk size above DynamoDB’s 100 is refused', async () => {
    await expect(commitInChunks(store, repeatable(3), { chunkSize: 101 })).rejects.toThrow('a chunk holds 1 to 100 writes, not 101');
  });
});

import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTable } from '../test/setup/context.ts';
import { getMany, queryRange } from './bulk-read.ts';
import { commitInChunks, putRepeatable } from './bulk-write.ts';
import { Store, type Item } from './store.ts';

const store = new Store(testTable('premises'));

/**
 * What a step may take per 100 items it writes or reads: about a second on DynamoDB Local with both
 * cores busy, several times that with the whole suite queued beside it; 15 s each leaves a wide margin.
 */
const PER_HUNDRED_ITEMS_MS = 15_000;

/** One partition of 230 items, read and never changed by the tests below. */
const pk = `READS#${ulid()}`;
beforeAll(async () => {
  await commitInChunks(
    store,
    Array.from({ length: 230 }, (_, i) => putRepeatable({ pk, sk: `ITEM#${String(i).padStart(4, '0')}`, n: i })),
  );
}, 3 * PER_HUNDRED_ITEMS_MS);

const key = (i: number) => ({ pk, sk: `ITEM#${String(i).padStart(4, '0')}` });

describe('getMany', () => {
  it('reads 230 keys in batches of 100 and answers every item once', async () => {
    const items = await getMany<Item & { n: number }>(store, Array.from({ length: 230 }, (_, i) => key(i)));

    expect(items.map((i) => i.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 230 }, (_, i) => i));
  }, 3 * PER_HUNDRED_ITEMS_MS);

  it('leaves out keys that hold nothing and reads a repeated key once', async () => {
    const items = await getMany(store, [key(1), key(1), { pk, sk: 'NOTHING' }, key(2)]);

    expect(items.map((i) => i.sk).sort()).toEqual(['ITEM#0001', 'ITEM#0002']);
  });

  it('no keys, no call, no items', async () => {
    expect(await getMany(store, [])).toEqual([]);
  });
});

describe('queryRange', () => {
  it('answers the items between two sort keys, both included, in order', async () => {
    const items = await queryRange(store, { partition: pk, from: 'ITEM#0010', to: 'ITEM#0012', maxItems: 10 });

    expect(items.map((i) => i.sk)).toEqual(['ITEM#0010', 'ITEM#0011', 'ITEM#0012']);
  });

  it('with only an upper bound, answers everything up to it', async () => {
    expect(await queryRange(store, { partition: pk, to: 'ITEM#0004', maxItems: 10 })).toHaveLength(5);
  });

  it('with only a lower bound, answers everything from it', async () => {
    expect(await queryRange(store, { partition: pk, from: 'ITEM#0225', maxItems: 10 })).toHaveLength(5);
  });

  it('with a prefix, answers only the sort keys that begin with it', async () => {
    const items = await queryRange(store, { partition: pk, prefix: 'ITEM#001', maxItems: 20 });

    expect(items.map((i) => i.sk)).toEqual(Array.from({ length: 10 }, (_, i) => `ITEM#001${i}`));
  });

  it('refuses a key it does not know, even one spread in where TypeScript cannot see it', async () => {
    // A key builder's slice under a name queryRange does not read: it must not read the whole partition instead.
    const slice = { partition: pk, beginsWith: 'ITEM#001' };

    await expect(queryRange(store, { ...slice, maxItems: 300 })).rejects.toThrow('does not know beginsWith');
  });

  it('refuses two kinds of slice at once', async () => {
    await expect(queryRange(store, { partition: pk, prefix: 'ITEM#0', to: 'ITEM#0004', maxItems: 10 })).rejects.toThrow('one kind at a time');
  });

  it('refuses to read on past maxItems', async () => {
    await expect(queryRange(store, { partition: pk, maxItems: 100 })).rejects.toThrow('holds more than 100 items');
  }, 2 * PER_HUNDRED_ITEMS_MS);
});

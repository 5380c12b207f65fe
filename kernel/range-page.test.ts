import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTable } from '../test/setup/context.ts';
import { BadRequestError } from './errors.ts';
import { rangeAll, rangePage } from './range-page.ts';
import { putNew, Store } from './store.ts';

const store = new Store(testTable('funding'));
const partition = `LEDGER#${ulid()}`;

beforeAll(async () => {
  // 3 'open#' and 4 'paid#' items, and a gsi1 partition of 5 dated items.
  const writes = [
    ...['a', 'b', 'c'].map((x) => putNew({ pk: partition, sk: `open#${x}` }, 'x')),
    ...['d', 'e', 'f', 'g'].map((x) => putNew({ pk: partition, sk: `paid#${x}` }, 'x')),
    ...['2025-01-05', '2025-01-10', '2025-01-15', '2025-01-20', '2025-01-25'].map((day) =>
      putNew({ pk: `DUE#${day}`, sk: 'STATE', gsi1pk: `DUE-${partition}`, gsi1sk: `${day}#x` }, 'x'),
    ),
  ];
  await store.commit({ writes, events: [] });
});

describe('rangePage', () => {
  it('a prefix is a slice of the partition, newest first by default', async () => {
    const page = await rangePage(store, { partition, prefix: 'paid#', limit: 10 });
    expect(page.items.map((i) => i.sk)).toEqual(['paid#g', 'paid#f', 'paid#e', 'paid#d']);
    expect(page.cursor).toBeUndefined();
  });

  it('a slice of exactly one page has no cursor; one item more has one', async () => {
    expect((await rangePage(store, { partition, prefix: 'open#', limit: 3 })).cursor).toBeUndefined();
    const first = await rangePage(store, { partition, prefix: 'paid#', limit: 3, ascending: true });
    expect(first.items.map((i) => i.sk)).toEqual(['paid#d', 'paid#e', 'paid#f']);
    const second = await rangePage(store, { partition, prefix: 'paid#', limit: 3, ascending: true, cursor: first.cursor! });
    expect(second.items.map((i) => i.sk)).toEqual(['paid#g']);
    expect(second.cursor).toBeUndefined();
  });

  it('`below` bounds the index sort key: what is due before a day', async () => {
    const due = await rangePage(store, { index: 'gsi1', partition: `DUE-${partition}`, below: '2025-01-15', ascending: true, limit: 10 });
    expect(due.items.map((i) => i.gsi1sk)).toEqual(['2025-01-05#x', '2025-01-10#x']);
  });

  it('pages on the index carry the index key in their cursor', async () => {
    const first = await rangePage(store, { index: 'gsi1', partition: `DUE-${partition}`, limit: 2, ascending: true });
    const rest = await rangePage(store, { index: 'gsi1', partition: `DUE-${partition}`, limit: 10, ascending: true, cursor: first.cursor! });
    expect([...first.items, ...rest.items].map((i) => i.gsi1sk)).toHaveLength(5);
  });

  it('from/to bounds are a slice too, both included', async () => {
    const page = await rangePage(store, { partition, from: 'open#b', to: 'paid#d', limit: 10, ascending: true });
    expect(page.items.map((i) => i.sk)).toEqual(['open#b', 'open#c', 'paid#d']);
  });

  it('a key it does not know is refused rather than ignored (the whole partition read instead)', async () => {
    const slice = { partition, startsWith: 'paid#' };
    await expect(rangePage(store, { ...slice, limit: 10 })).rejects.toThrow('does not know startsWith');
  });

  it('a cursor from another slice of the same partition is refused', async () => {
    const open = await rangePage(store, { partition, prefix: 'open#', limit: 1 });
    await expect(rangePage(store, { partition, prefix: 'paid#', limit: 1, cursor: open.cursor! })).rejects.toThrow(BadRequestError);
  });
});

describe('rangeAll', () => {
  it('follows the pages of a slice', async () => {
    expect(await rangeAll(store, { partition, prefix: 'paid#', maxItems: 10 })).toHaveLength(4);
  });

  it('refuses a key it does not know', async () => {
    const slice = { partition, prefx: 'paid#' };
    await expect(rangeAll(store, { ...slice, maxItems: 10 })).rejects.toThrow('does not know prefx');
  });

  it('fails past maxItems rather than read on', async () => {
    await expect(rangeAll(store, { partition, maxItems: 5 })).rejects.toThrow(/more than 5 items/);
  });
});

import type { Item, Store, Write } from './store.ts';

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Put an item whose key and content are both fixed by what it records (a deterministic key, no
 * clock, no generated id): writing it a second time changes nothing, so it needs no condition.
 */
export function putRepeatable(item: Item): Write {
  return { item: { Put: { TableName: '', Item: item } }, conflict: `${item.pk} ${item.sk} could not be written` };
}

/**
 * Writes too many for one transaction, committed as several of at most `chunkSize` items, `concurrency`
 * at a time. Each chunk is atomic; the whole is not: a crash part-way leaves some chunks written.
 * So this is only for writes that are safe to repeat (`putRepeatable`: the same keys and content on
 * every run) and that no reader trusts until one final, ordinary commit says they are complete.
 * Running the same writes again then completes them and loses or duplicates nothing.
 * On a failure no further chunk is started; the chunks in flight finish, then the first error is thrown.
 */
export async function commitInChunks(
  store: Store,
  writes: readonly Write[],
  options: { chunkSize?: number; concurrency?: number } = {},
): Promise<{ transactions: number }> {
  const chunkSize = options.chunkSize ?? MAX_TRANSACTION_ITEMS;
  if (chunkSize < 1 || chunkSize > MAX_TRANSACTION_ITEMS) {
    throw new Error(`a chunk holds 1 to ${MAX_TRANSACTION_ITEMS} writes, not ${chunkSize}`);
  }
  const chunks: Write[][] = [];
  for (let start = 0; start < writes.length; start += chunkSize) chunks.push(writes.slice(start, start + chunkSize));

  let next = 0;
  let failure: { error: unknown } | undefined;
  async function worker(): Promise<void> {
    while (!failure && next < chunks.length) {
      const chunk = chunks[next++]!;
      try {
        await store.commit({ writes: chunk, events: [] });
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, chunks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw failure.error;
  return { transactions: chunks.length };
}

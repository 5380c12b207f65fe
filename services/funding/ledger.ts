import type { Write } from '../../kernel/store.ts';

/**
 * A move on a ledger account inside a commit: ADD to its counters, refused by DynamoDB itself (in
 * the transaction, not by a read beforehand) unless each balance named in `covers` is at least the
 * amount given. That condition is what keeps a pool, an allocation or a budget category from ever
 * going below zero, however many callers draw on it at once.
 */
export function moveAccount(
  key: { pk: string; sk: string },
  move: { add: Record<string, number>; covers?: Record<string, number>; atMost?: Record<string, number> },
  conflict: string,
): Write {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds = Object.entries(move.add).map(([attribute, amount], i) => {
    names[`#a${i}`] = attribute;
    values[`:a${i}`] = amount;
    return `#a${i} :a${i}`;
  });
  const conditions = ['attribute_exists(pk)'];
  Object.entries(move.covers ?? {}).forEach(([attribute, amount], i) => {
    names[`#c${i}`] = attribute;
    values[`:c${i}`] = amount;
    conditions.push(`#c${i} >= :c${i}`);
  });
  Object.entries(move.atMost ?? {}).forEach(([attribute, amount], i) => {
    names[`#m${i}`] = attribute;
    values[`:m${i}`] = amount;
    conditions.push(`#m${i} <= :m${i}`);
  });
  return {
    item: {
      Update: {
        TableName: '',
        Key: key,
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    conflict,
  };
}

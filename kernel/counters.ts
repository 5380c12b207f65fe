import type { Write } from './store.ts';

/**
 * Add to numeric attributes of an item inside a commit (DynamoDB `ADD`: commutative, so concurrent
 * changes never lose a count); the item comes into being with its first count. `set` names plain
 * attributes written alongside (what the item is about, when it changed).
 */
export function addCounts(key: { pk: string; sk: string }, deltas: Record<string, number | undefined>, set: Record<string, unknown> = {}): Write {
  const adds = Object.entries(deltas).filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] !== 0);
  const sets = Object.entries(set);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  adds.forEach(([name, n], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = n;
  });
  sets.forEach(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
  });
  const clauses = [
    ...(sets.length ? [`SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}`] : []),
    ...(adds.length ? [`ADD ${adds.map((_, i) => `#a${i} :a${i}`).join(', ')}`] : []),
  ];
  if (clauses.length === 0) throw new Error(`nothing to write to ${key.pk}`);
  return {
    item: {
      Update: {
        TableName: '',
        Key: key,
        UpdateExpression: clauses.join(' '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    conflict: `the counts of ${key.pk} could not be updated`,
  };
}

/** A share to four places (0.25 = 25 %); null when there is nothing to divide by. */
export const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

import { tableDefinition } from './table.ts';

/**
 * Which sort keys of one partition a range query reads: all of them, those that begin with
 * `prefix`, those strictly `below` a bound, or those `from`…`to` (both included, either optional).
 * One kind of slice at a time (`assertRange` refuses two).
 */
export interface SortKeySlice {
  /** Only sort keys that begin with this (a status inside a partition, a kind of item). */
  prefix?: string;
  /** Only sort keys strictly below this (`gsi1sk < '2025-04-01'`: due before a day). */
  below?: string;
  /** Only sort keys from this one on (included). */
  from?: string;
  /** Only sort keys up to this one (included). */
  to?: string;
}

/**
 * A slice of one partition of the table or of gsi1: the one range type of the kernel's range
 * queries (`queryRange`, `rangePage`, `rangeAll`), so a slice named by a key builder
 * (`{ partition, prefix }`) means the same to each of them.
 */
export type PartitionRange = { index?: 'gsi1'; partition: string } & SortKeySlice;

const SLICE_KEYS = ['index', 'partition', 'prefix', 'below', 'from', 'to'] as const;

/**
 * Refuses a range with a key its query does not know, or two kinds of slice at once. A key spread
 * in from elsewhere (`{ ...keys.agendaOfMeeting(id), maxItems }`) escapes TypeScript's
 * excess-property check, and a query that ignored it would silently read the whole partition
 * (history and state items included): so the mistake fails loudly, on its first call.
 */
export function assertRange(range: object, options: readonly string[]): void {
  const known = new Set<string>([...SLICE_KEYS, ...options]);
  const unknown = Object.keys(range).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`a range query does not know ${unknown.join(', ')} (it knows ${[...known].join(', ')})`);
  const r = range as Record<string, unknown>;
  const kinds = [r.prefix !== undefined, r.below !== undefined, r.from !== undefined || r.to !== undefined].filter(Boolean);
  if (kinds.length > 1) throw new Error('a range is a prefix, an upper bound, or from/to bounds: one kind at a time');
}

/** The key condition of a range's Query: the partition and its slice. */
export function keyCondition(range: PartitionRange): {
  KeyConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, string>;
} {
  const partitionKey = range.index ? 'gsi1pk' : tableDefinition.partitionKey;
  const sortKey = range.index ? 'gsi1sk' : tableDefinition.sortKey;
  const values: Record<string, string> = { ':pk': range.partition };
  let slice = '';
  if (range.prefix !== undefined) {
    slice = 'begins_with(#sk, :prefix)';
    values[':prefix'] = range.prefix;
  } else if (range.below !== undefined) {
    slice = '#sk < :below';
    values[':below'] = range.below;
  } else if (range.from !== undefined && range.to !== undefined) {
    slice = '#sk BETWEEN :from AND :to';
    values[':from'] = range.from;
    values[':to'] = range.to;
  } else if (range.from !== undefined) {
    slice = '#sk >= :from';
    values[':from'] = range.from;
  } else if (range.to !== undefined) {
    slice = '#sk <= :to';
    values[':to'] = range.to;
  }
  return {
    KeyConditionExpression: slice ? `#pk = :pk AND ${slice}` : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': partitionKey, ...(slice ? { '#sk': sortKey } : {}) },
    ExpressionAttributeValues: values,
  };
}

/** Whether a sort key lies in the range's slice (a cursor must point into the slice it was issued for). */
export function inSlice(sortKeyValue: string | undefined, range: PartitionRange): boolean {
  if (sortKeyValue === undefined) return false;
  if (range.prefix !== undefined) return sortKeyValue.startsWith(range.prefix);
  if (range.below !== undefined) return sortKeyValue < range.below;
  return (range.from === undefined || sortKeyValue >= range.from) && (range.to === undefined || sortKeyValue <= range.to);
}

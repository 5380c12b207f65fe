import type { Item } from './store.ts';

/** A record as stored: its table keys, index keys and item type around it. */
export type Stored<T> = T & Item & { itemType: string; gsi1pk?: string; gsi1sk?: string };

/**
 * The record inside a stored item: table keys, index keys and the item type taken off. The one way
 * every store turns what it read into what it answers (`item && strip(item)` when there may be none).
 */
export function strip<T extends object>(item: Stored<T>): T {
  const { pk: _pk, sk: _sk, itemType: _type, gsi1pk: _g1, gsi1sk: _g2, ...record } = item;
  return record as unknown as T;
}

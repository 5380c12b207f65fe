import type { Item } from './store.ts';

/** A record as stored: its table keys, index keys and item type around it. */
export type Stored<T> = T & Item & { itemType: string; gsi1pk?: string; gsi1sk?: string };

/** The record inside a stored item: table keys, index keys and the item type taken off. */
export function strip<T extends object>(item: Stored<T>): T {
  const { pk: _pk, sk: _sk, itemType: _type, gsi1pk: _g1, gsi1sk: _g2, ...record } = item;
  return record as unknown as T;
}

import type { Item } from '../../kernel/store.ts';

export type Stored<T> = T & Item & { itemType: string };

/** The domain object inside a stored item: keys, index keys and the item type removed. */
export function strip<T extends object>(item: Stored<T>): T {
  const { pk: _pk, sk: _sk, itemType: _type, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item as Stored<T> & {
    gsi1pk?: string;
    gsi1sk?: string;
  };
  return rest as unknown as T;
}

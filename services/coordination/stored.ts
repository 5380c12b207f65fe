import { strip, type Stored } from '../../kernel/stored.ts';
import type { Item } from '../../kernel/store.ts';

/** The record inside a stored item (kernel/stored.ts), or undefined when there is none. */
export function unwrap<T>(item: Item | undefined): T | undefined {
  return item ? (strip(item as Stored<object>) as T) : undefined;
}

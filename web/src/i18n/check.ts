import type { Catalog } from './index.tsx';
import en from './en.json';

/** The English catalog has every key the Chinese one has: a missing one fails `tsc -p web`. */
export const english: Catalog = en;

import type { Catalog, OfficialsCatalog } from './index.tsx';
import en from './en.json';
import officialsEn from './officials.en.json';

/** The English catalogs have every key the Chinese ones have: a missing one fails `tsc -p web`. */
export const english: Catalog = en;
export const officialsEnglish: OfficialsCatalog = officialsEn;

import { DISTRICTS, placeName, type Street } from '../../../kernel/places.ts';
import type { Locale } from '../i18n/index.tsx';

export { DISTRICTS };
export const DISTRICT = DISTRICTS[0]!;
export const STREETS: readonly Street[] = DISTRICT.streets;

/** A place's name in the language shown, or its id when it is not on the reference list. */
export function nameOf(id: string, locale: Locale): string {
  const name = placeName(id);
  return name ? (locale === 'en' ? name.en : name.zh) : id;
}

/** `D01/S03` ⇄ `D01-S03`: a street or community in a URL path (kernel/jurisdiction.ts). */
export const inPath = (place: string) => place.replaceAll('/', '-');
export const fromPath = (segment: string) => segment.replaceAll('-', '/');

/** Today in the district (China time), `YYYY-MM-DD`. */
export function districtToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

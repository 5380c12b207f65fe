/**
 * The district's calendar. Secondments start and end on calendar days and ages are counted in whole
 * years; both mean China Standard Time (UTC+8, no daylight saving), not the server's zone or UTC.
 */
const DISTRICT_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day (`YYYY-MM-DD`) in the district at an instant. */
export function districtDate(instant: string): string {
  return new Date(Date.parse(instant) + DISTRICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole years from a birth date to a day (both `YYYY-MM-DD`): the age on that day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

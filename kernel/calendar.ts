/**
 * The district's calendar: China Standard Time (UTC+8, no daylight saving), whatever zone the
 * function's clock is in. Dates are `YYYY-MM-DD` strings. Secondments start and end on calendar days,
 * ages are whole years, fiscal years are calendar years, and the offices count deadlines in working
 * days (Monday to Friday). Public holidays, and the weekend days worked in their place, are not known
 * to the platform yet: a deadline across a holiday falls earlier than the offices would count it.
 */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 86_400_000;
const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;

const dateOf = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
const midnightUtc = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

/** The calendar date (`YYYY-MM-DD`) in China at an instant. */
export function chinaDate(instant: string): string {
  return dateOf(Date.parse(instant) + OFFSET_MS);
}

/** The calendar year in China at an instant (the fiscal year). */
export function chinaYear(instant: string): number {
  return new Date(Date.parse(instant) + OFFSET_MS).getUTCFullYear();
}

/** The last millisecond of a date in China, as an ISO instant. */
export function endOfChinaDay(date: string): string {
  return new Date(midnightUtc(date) + DAY_MS - OFFSET_MS - 1).toISOString();
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(midnightUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `days` working days after `date` (the day itself does not count). */
export function addWorkingDays(date: string, days: number): string {
  let day = midnightUtc(date);
  for (let left = days; left > 0; ) {
    day += DAY_MS;
    if (isWorkingDay(dateOf(day))) left -= 1;
  }
  return dateOf(day);
}

/** The date `days` working days before `date` (the day itself does not count). */
export function subtractWorkingDays(date: string, days: number): string {
  let day = midnightUtc(date);
  for (let left = days; left > 0; ) {
    day -= DAY_MS;
    if (isWorkingDay(dateOf(day))) left -= 1;
  }
  return dateOf(day);
}

/** 09:00 in China on a date, as an instant: when the offices open. */
export function chinaMorning(date: string): string {
  return new Date(midnightUtc(date) + 9 * 3_600_000 - OFFSET_MS).toISOString();
}

/**
 * A deadline of `days` working days from the moment something was opened: the end of the `days`-th
 * working day after the (China) day it was opened. Opened on Friday evening or on Saturday, the
 * count starts on Monday.
 */
export function workingDaysDeadline(openedAt: string, days: number): string {
  return endOfChinaDay(addWorkingDays(chinaDate(openedAt), days));
}

/** Whole years from a birth date to a day (both `YYYY-MM-DD`): the age on that day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** `YYYY-MM-DD` plus whole years, as a comparable string (29 February stays 29 February). */
export function plusYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

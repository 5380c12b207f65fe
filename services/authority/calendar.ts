/**
 * The offices' calendar. Deadlines are counted in working days (Monday to Friday) on the calendar of
 * the district offices, which keep China Standard Time (UTC+8, no daylight saving) whatever zone the
 * function's clock is in. Public holidays, and the weekend days worked in their place, are not known
 * to the platform yet: a deadline across a holiday falls earlier than the offices would count it.
 */
export const OFFICE_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 86_400_000;
const OFFSET_MS = OFFICE_UTC_OFFSET_MINUTES * 60_000;

const dateOf = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
const midnightUtc = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

/** The calendar date (YYYY-MM-DD) in the offices at an instant. */
export function officeDate(instant: string): string {
  return dateOf(Date.parse(instant) + OFFSET_MS);
}

/** The last millisecond of a date in the offices, as an ISO instant. */
export function endOfOfficeDay(date: string): string {
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

/**
 * A deadline of `days` working days from the moment something was opened: the end of the `days`-th
 * working day after the (office) day it was opened. Opened on Friday evening or on Saturday, the
 * count starts on Monday.
 */
export function workingDaysDeadline(openedAt: string, days: number): string {
  return endOfOfficeDay(addWorkingDays(officeDate(openedAt), days));
}

import { isWorkingDay, officeDate, OFFICE_UTC_OFFSET_MINUTES } from './sources.ts';

const DAY_MS = 86_400_000;

/** The office date `days` working days before the office day of `instant` (the day itself does not count). */
export function addWorkingDaysBack(instant: string, days: number): string {
  let day = Date.parse(`${officeDate(instant)}T00:00:00.000Z`);
  for (let left = days; left > 0; ) {
    day -= DAY_MS;
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10))) left -= 1;
  }
  return new Date(day).toISOString().slice(0, 10);
}

/** 09:00 in the offices (China Standard Time) on an office date, as an instant. */
export function officeMorning(date: string): string {
  return new Date(Date.parse(`${date}T09:00:00.000Z`) - OFFICE_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

/** The district's calendar (China time, no daylight saving): days, weeks and quarter hours as the app shows them. */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
export const QUARTER_MS = 15 * 60_000;

/** The Monday of the week holding a district day, `YYYY-MM-DD`. */
export function mondayOf(day: string): string {
  const noon = Date.parse(`${day}T12:00:00+08:00`);
  const weekday = (new Date(noon + OFFSET_MS).getUTCDay() + 6) % 7;
  return districtDay(noon - weekday * DAY_MS);
}

export function addDays(day: string, days: number): string {
  return districtDay(Date.parse(`${day}T12:00:00+08:00`) + days * DAY_MS);
}

/** The district day of an instant. */
export function districtDay(instant: number | string): string {
  return new Date((typeof instant === 'string' ? Date.parse(instant) : instant) + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight of a district day, as an instant. */
export const startOfDay = (day: string) => `${day}T00:00:00+08:00`;

/** `09:15` on a district day, as an instant with the district's offset. */
export const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

/** The quarter hours a booking may start or end at, `07:00` … `22:00`. */
export const QUARTERS: readonly string[] = Array.from({ length: (22 - 7) * 4 + 1 }, (_, i) => {
  const minutes = 7 * 60 + i * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { rankings } from '../../rankings/api/rankings.ts';
import type { Issue } from '../../street/api/issues.ts';

export type Performance = paths['/coordination/departments/{dept}/performance']['get']['responses'][200]['content']['application/json'];

/** The department reports in on an issue that names it. */
export async function acknowledge(id: string): Promise<Issue> {
  return call(api().POST('/coordination/issues/{id}/acknowledge', { params: { path: { id } } }));
}

/** The department resolves its part, saying what it did. */
export async function resolve(id: string, note: string): Promise<Issue> {
  return call(api().POST('/coordination/issues/{id}/resolve', { params: { path: { id } }, body: { note } }));
}

export async function performance(department: string): Promise<Performance> {
  return call(api().GET('/coordination/departments/{dept}/performance', { params: { path: { dept: department }, query: {} } }));
}

/** The department's row of each month's public ranking, oldest month first (a month it had nothing in: no row). */
export interface MonthRates {
  month: string;
  closed: boolean;
  received: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  rank: number | null;
}

/** `months` months ending with `last` (`2026-11`), oldest first. */
export function monthsUpTo(last: string, months: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const index = y * 12 + (m - 1) - (months - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** The department's three rates month by month, from the district's monthly rankings (kept by coordination from the events). */
export async function ratesOverTime(district: string, department: string, months: readonly string[]): Promise<MonthRates[]> {
  const tables = await Promise.all(months.map((month) => rankings(district, month, 'departments')));
  return tables.map((table) => {
    const row = table.items.find((r) => r.subject === department);
    return {
      month: table.month,
      closed: table.closed,
      received: row?.received ?? 0,
      responseRate: row?.responseRate ?? null,
      resolutionRate: row?.resolutionRate ?? null,
      satisfactionRate: row?.satisfactionRate ?? null,
      rank: row?.rank ?? null,
    };
  });
}

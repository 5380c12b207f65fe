import { api, call } from '../../../lib/api.ts';

export type RankingKind = 'departments' | 'streets';

/** A district's ranking of a month (public). */
export async function rankings(district: string, month: string, of: RankingKind) {
  // The route also answers CSV (for `format=csv` or `Accept: text/csv`); asked without either, it answers JSON.
  const data = await call(api().GET('/coordination/rankings', { params: { query: { district, month, of, format: 'json' } } }));
  if (typeof data === 'string') throw new Error('the rankings answered CSV, not JSON');
  return data;
}

/** The month in China time now (`2026-11`). */
export const districtMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

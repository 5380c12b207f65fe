import { stringify } from 'csv-stringify/sync';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { chinaMonth, CSV_COLUMNS, monthClosesAt, previousMonth, ranking, type RankingKind, type RankingRow } from './domain.ts';
import type { rankingRoutes } from './routes.ts';
import { RankingStore } from './store.ts';

/** A district's ranking of a month, as the route and the open-data export give it. */
export async function rankingsOf(table: Store, district: string, month: string, of: RankingKind) {
  const rankings = new RankingStore(table);
  const before = previousMonth(month);
  const [current, previous, figures, closed] = await Promise.all([
    rankings.counts(district, month, of),
    rankings.counts(district, before, of),
    rankings.month(district, month),
    rankings.closed(month),
  ]);
  return {
    district,
    month,
    of,
    closed: closed !== undefined,
    closesAt: monthClosesAt(month),
    closedAt: closed?.closedAt ?? null,
    previousMonth: before,
    eventsApplied: figures?.eventsApplied ?? 0,
    eventsAfterClose: figures?.eventsAfterClose ?? 0,
    changedAt: figures?.changedAt ?? null,
    items: ranking(current, previous),
  };
}

/** The rows as CSV: a header line, then one line per row, null as empty. */
export function rankingsCsv(items: readonly RankingRow[]): string {
  return stringify(
    items.map((row) => CSV_COLUMNS.map((column) => row[column] ?? '')),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'unix' },
  );
}

export function rankingHandlers(table: Store): RouteHandlers<typeof rankingRoutes> {
  return {
    async rankings({ query, ctx }) {
      const month = query.month ?? chinaMonth(ctx.cause.now);
      const view = await rankingsOf(table, query.district, month, query.of);
      const closed = { 'cache-control': view.closed ? 'public, max-age=86400' : 'public, max-age=60' };
      if (query.format === 'csv' || (query.format === undefined && ctx.accepts('text/csv'))) {
        return {
          statusCode: 200,
          text: rankingsCsv(view.items),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `inline; filename="rankings-${query.district}-${month}-${query.of}.csv"`,
            ...closed,
          },
        };
      }
      return { statusCode: 200, body: view, headers: closed };
    },
  };
}

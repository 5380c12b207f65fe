import { settingsFrom } from '../../kernel/config.ts';
import { OpenDataBucket, type Dataset } from '../../kernel/open-data.ts';
import { openDataSettings } from '../../kernel/open-data-settings.ts';
import { DISTRICTS } from '../../kernel/places.ts';
import { rangeAll } from '../../kernel/range-page.ts';
import type { ScheduleRun } from '../../kernel/schedule.ts';
import type { Item, Store } from '../../kernel/store.ts';
import { keys } from './keys.ts';
import type { PublicPosition } from './positions/board.ts';

const STATUSES = ['published', 'closed', 'filled'] as const;

/** Recruitment's public dataset: the positions on the board and their outcomes, as counts (no person). */
export function recruitmentDatasets(table: Store): Dataset[] {
  return [
    {
      name: 'positions',
      title: 'Positions and their outcomes',
      description: 'Every position published on the public board, per street: its kind, posts, dates, status and how many were hired. Counts only: no applicant and no hire is named.',
      fields: [
        { name: 'positionId', type: 'string', meaning: 'The position.' },
        { name: 'title', type: 'string', meaning: 'The post’s title as published.' },
        { name: 'street', type: 'string', meaning: 'The street (D01/S03).' },
        { name: 'kind', type: 'string', meaning: 'The kind of post (community-worker, grid-worker …).' },
        { name: 'year', type: 'integer', meaning: 'The plan year whose posts it uses.' },
        { name: 'status', type: 'string', meaning: 'published (open or awaiting closing), closed, or filled.' },
        { name: 'posts', type: 'integer', meaning: 'Posts to fill (its quota).' },
        { name: 'opensAt', type: 'datetime', meaning: 'When applications open.' },
        { name: 'closesAt', type: 'datetime', meaning: 'When applications close.' },
        { name: 'hired', type: 'integer', nullable: true, meaning: 'People hired into it; empty until it is closed.' },
      ],
      async rows() {
        const rows: Array<Record<string, unknown>> = [];
        for (const street of DISTRICTS.flatMap((d) => d.streets)) {
          for (const status of STATUSES) {
            // The street's board entries of a status: one Query (the board holds only public views).
            const entries = await rangeAll<Item & PublicPosition>(table, { partition: keys.board(status, { street: street.id }), ascending: true, maxItems: 10_000 });
            for (const p of entries) {
              rows.push({ positionId: p.id, title: p.title, street: p.street, kind: p.kind, year: p.year, status: p.status, posts: p.quota, opensAt: p.opensAt, closesAt: p.closesAt, hired: 'hired' in p ? p.hired : null });
            }
          }
        }
        return rows;
      },
    },
  ];
}

/** Recruitment's daily part of its secondment check: its datasets on the first run of each China-time day. */
export async function dailyOpenData(table: Store, now: string): Promise<ScheduleRun> {
  const bucket = OpenDataBucket.fromSettings(settingsFrom(openDataSettings));
  if (!(await bucket.due('recruitment', now))) return { openData: 'published today already' };
  const entries = await bucket.publish('recruitment', recruitmentDatasets(table), now);
  return { datasets: entries.length, rows: entries.reduce((n, e) => n + e.rows, 0) };
}

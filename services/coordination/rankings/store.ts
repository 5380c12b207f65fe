import type { Metadata } from '../../../kernel/events.ts';
import { rangeAll } from '../../../kernel/range-page.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { ConflictError } from '../../../kernel/errors.ts';
import { putNew, type Item, type Store, type Write } from '../../../kernel/store.ts';
import { addCounts } from '../../../kernel/counters.ts';
import { keys } from '../keys.ts';
import { monthClosesAt, monthOf, rankingParts, type Counts, type RankingKind } from './domain.ts';

/** The most departments or streets a district's ranking reads (a district has a few dozen of each). */
const MAX_SUBJECTS = 1_000;

type MonthItem = Item & { eventsApplied?: number; eventsAfterClose?: number; changedAt?: string };
type ClosedItem = Item & { month: string; closedAt: string };

/** The rankings' counts in the coordination table. */
export class RankingStore {
  constructor(readonly table: Store) {}

  /**
   * The writes of an event: its parts added (DynamoDB ADD) under a check that the month is not closed,
   * so that a close recorded meanwhile fails the commit (409) and the queue delivers the event again,
   * to be counted as after close; an event of a closed month adds only to that count.
   */
  async eventWrites(detailType: string, data: Record<string, unknown>, metadata: Metadata, now: string): Promise<Write[]> {
    const month = monthOf(detailType, data);
    if (!month) return [];
    const district = districtOf(data.street as string);
    const closed = await this.table.get(keys.rankingClosed(month));
    const parts = closed ? [] : rankingParts(detailType, data, metadata);
    const monthSet = { district, month, itemType: 'rankings-month', changedAt: now };
    if (parts.length === 0) return [addCounts(keys.rankingMonth(district, month), { eventsAfterClose: 1 }, monthSet)];
    return [
      {
        item: { ConditionCheck: { TableName: '', Key: keys.rankingClosed(month), ConditionExpression: 'attribute_not_exists(pk)' } },
        conflict: `the month ${month} was closed meanwhile`,
      },
      ...parts.map((p) =>
        addCounts(keys.rankingRow(p.district, p.month, p.of, p.subject), p.counts as Record<string, number>, {
          district: p.district,
          month: p.month,
          of: p.of,
          subject: p.subject,
          itemType: 'rankings-row',
          changedAt: now,
        }),
      ),
      addCounts(keys.rankingMonth(district, month), { eventsApplied: 1 }, monthSet),
    ];
  }

  /** The counts of every department or street of a district's month: one Query of its partition. */
  async counts(district: string, month: string, of: RankingKind): Promise<Map<string, Partial<Counts>>> {
    const items = await rangeAll<Item & Partial<Counts> & { subject: string }>(this.table, {
      partition: keys.rankings(district, month, of),
      ascending: true,
      maxItems: MAX_SUBJECTS,
    });
    return new Map(items.map((item) => [item.subject, item]));
  }

  async month(district: string, month: string): Promise<MonthItem | undefined> {
    return this.table.get<MonthItem>(keys.rankingMonth(district, month));
  }

  async closed(month: string): Promise<ClosedItem | undefined> {
    return this.table.get<ClosedItem>(keys.rankingClosed(month));
  }

  /** Records a month closed (once: a second close changes nothing); true when this call closed it. */
  async close(month: string, now: string): Promise<boolean> {
    if (now < monthClosesAt(month)) throw new Error(`${month} closes at ${monthClosesAt(month)}, not before`);
    try {
      await this.table.commit({
        writes: [putNew({ ...keys.rankingClosed(month), itemType: 'rankings-closed', month, closedAt: now }, `${month} is closed already`)],
        events: [],
      });
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}

import { settingsFrom } from '../../kernel/config.ts';
import type { Cause } from '../../kernel/events.ts';
import type { ScheduleRun } from '../../kernel/schedule.ts';
import { OpenDataBucket, type Dataset, type DatasetField } from '../../kernel/open-data.ts';
import { openDataSettings } from '../../kernel/open-data-settings.ts';
import { DISTRICTS } from '../../kernel/places.ts';
import { rangeAll } from '../../kernel/range-page.ts';
import type { Item, Store } from '../../kernel/store.ts';
import { keys } from './keys.ts';
import { closeMonths } from './rankings/close.ts';
import { chinaMonth, previousMonth, RANKING_KINDS, ranking } from './rankings/domain.ts';
import { RankingStore } from './rankings/store.ts';
import { scorecardView } from './scorecard/domain.ts';
import { ScorecardStore } from './scorecard/store.ts';

/** How many months of rankings the export publishes: the current one and the twelve before. */
export const RANKING_MONTHS = 13;

const count = (name: string, meaning: string): DatasetField => ({ name, type: 'integer', meaning });
const rate = (name: string, meaning: string): DatasetField => ({ name, type: 'number', nullable: true, meaning: `${meaning} 0 to 1; empty when there is nothing to divide by.` });

const rankingFields: DatasetField[] = [
  { name: 'district', type: 'string', meaning: 'The district (D01).' },
  { name: 'month', type: 'month', meaning: 'The month, China time (2026-11).' },
  { name: 'closed', type: 'boolean', meaning: 'true once the month is closed (three days after it ends) and its figures frozen.' },
  { name: 'subject', type: 'string', meaning: 'The department (a slug such as market-supervision) or the street (D01/S03).' },
  { name: 'rank', type: 'integer', nullable: true, meaning: 'Its place in the district by score, 1 the best; equal scores share a place; empty without any rate.' },
  count('received', 'Issues raised in the month that named the department (for a street: that it raised).'),
  count('responses', 'Reports-in made in the month.'),
  count('responsesOnTime', 'Reports-in within the response deadline.'),
  rate('responseRate', 'Reports-in on time, of the reports-in;'),
  count('resolutions', 'Resolutions made in the month.'),
  count('resolutionsOnTime', 'Resolutions within the resolution deadline.'),
  rate('resolutionRate', 'Resolutions in time, of the resolutions;'),
  count('ratings', 'Satisfaction ratings given in the month.'),
  { name: 'averageRating', type: 'number', nullable: true, meaning: 'The mean rating, 1 to 5; empty before any.' },
  rate('satisfactionRate', 'Ratings of 4 or 5, of the ratings;'),
  count('escalations', 'Issues escalated in the month because a deadline passed unanswered.'),
  count('blockedWorkItems', 'Work items pushed that were not on the access list.'),
  rate('score', 'The mean of the rates it has;'),
  { name: 'previousRank', type: 'integer', nullable: true, meaning: 'Its place the month before; empty if none.' },
  { name: 'rankChange', type: 'integer', nullable: true, meaning: 'Places climbed since the month before (negative: fell); empty without both.' },
  { name: 'scoreChange', type: 'number', nullable: true, meaning: 'Its score less the month before; empty without both.' },
];

/** Coordination's public datasets: the monthly rankings, the access lists, what each street holds. */
export function coordinationDatasets(table: Store): Dataset[] {
  const rankings = RANKING_KINDS.map(
    (of): Dataset => ({
      name: `rankings-${of}`,
      title: `Monthly three-rates rankings of the ${of}`,
      description: `Per district and China-time month (the current one and the ${RANKING_MONTHS - 1} before), every ${of === 'departments' ? 'department' : 'street'} ranked by the mean of its response, resolution and satisfaction rates.`,
      fields: rankingFields,
      async rows(now) {
        const rows: Array<Record<string, unknown>> = [];
        const rankingStore = new RankingStore(table);
        const months: string[] = [];
        for (let month = chinaMonth(now), i = 0; i < RANKING_MONTHS; i += 1, month = previousMonth(month)) months.unshift(month);
        for (const district of DISTRICTS) {
          // Oldest first, each month's counts read once and kept as the next month's "before".
          let before = await rankingStore.counts(district.id, previousMonth(months[0]!), of);
          for (const month of months) {
            const [counts, closed] = await Promise.all([rankingStore.counts(district.id, month, of), rankingStore.closed(month)]);
            for (const item of ranking(counts, before)) rows.push({ district: district.id, month, closed: closed !== undefined, ...item });
            before = counts;
          }
        }
        return rows;
      },
    }),
  );
  const accessList: Dataset = {
    name: 'access-list',
    title: 'Access lists of work items',
    description: 'The work items each district’s joint meeting approved for departments to push to communities: the only ones that reach them.',
    fields: [
      { name: 'district', type: 'string', meaning: 'The district (D01).' },
      { name: 'code', type: 'string', meaning: 'The work item’s code on the list.' },
      { name: 'title', type: 'string', meaning: 'What the work item is.' },
      { name: 'departments', type: 'string', meaning: 'The departments that may push it, separated by ";"; empty: any department of the district.' },
      { name: 'decisionId', type: 'string', meaning: 'The joint-meeting decision that approved it.' },
      { name: 'approvedAt', type: 'datetime', meaning: 'When it was approved.' },
    ],
    async rows() {
      const rows: Array<Record<string, unknown>> = [];
      for (const district of DISTRICTS) {
        const items = await rangeAll<Item & Record<string, any>>(table, { partition: keys.accessList(district.id), prefix: 'ITEM#', ascending: true, maxItems: 10_000 });
        for (const item of items) {
          rows.push({ district: item.district, code: item.code, title: item.title, departments: (item.departments as string[]).join(';'), decisionId: item.decisionId, approvedAt: item.approvedAt });
        }
      }
      return rows;
    },
  };
  const holdings: Dataset = {
    name: 'street-holdings',
    title: 'What each street holds: the five haves',
    description: 'Per street: its people (posts and hires), money (budgeted, allocated, disbursed), place (communities compliant), power (powers delegated) and coordination figures, as kept from the events of all five services.',
    fields: [
      { name: 'street', type: 'string', meaning: 'The street (D01/S03).' },
      count('posts', 'Posts of the positions published for the street.'),
      count('hired', 'People hired into them.'),
      count('vacancies', 'Posts not filled.'),
      { name: 'budgetedFen', type: 'integer', meaning: 'The street’s budgets, in fen (1 yuan = 100 fen).' },
      { name: 'allocatedFen', type: 'integer', meaning: 'Money allocated from its pools, in fen.' },
      { name: 'disbursedFen', type: 'integer', meaning: 'Money paid out, in fen.' },
      count('communitiesAssessed', 'Communities whose premises were assessed.'),
      count('communitiesCompliant', 'Of those, compliant with the district’s standard.'),
      count('powersHeld', 'Powers delegated to the street and not revoked.'),
      count('issuesRaised', 'Issues the street raised.'),
      count('issuesClosed', 'Of those, closed.'),
      count('issuesEscalated', 'Escalated to a joint meeting.'),
      count('workItemsAccepted', 'Work items that reached its communities.'),
      count('workItemsBlocked', 'Work items refused because they were not on the access list.'),
      { name: 'changedAt', type: 'datetime', nullable: true, meaning: 'When an event last changed the figures; empty before any.' },
    ],
    async rows() {
      const scorecards = new ScorecardStore(table);
      const rows: Array<Record<string, unknown>> = [];
      for (const street of DISTRICTS.flatMap((d) => d.streets)) {
        const v = scorecardView(street.id, await scorecards.scorecard(street.id));
        rows.push({
          street: v.street,
          posts: v.staffing.posts,
          hired: v.staffing.hired,
          vacancies: v.staffing.vacancies,
          budgetedFen: v.money.budgetedFen,
          allocatedFen: v.money.allocatedFen,
          disbursedFen: v.money.disbursedFen,
          communitiesAssessed: v.place.communitiesAssessed,
          communitiesCompliant: v.place.communitiesCompliant,
          powersHeld: v.power.powersHeld,
          issuesRaised: v.coordination.issuesRaised,
          issuesClosed: v.coordination.issuesClosed,
          issuesEscalated: v.coordination.issuesEscalated,
          workItemsAccepted: v.coordination.workItemsAccepted,
          workItemsBlocked: v.coordination.workItemsBlocked,
          changedAt: v.changedAt,
        });
      }
      return rows;
    },
  };
  return [...rankings, accessList, holdings];
}

/**
 * Coordination's daily part of its deadline check: on the first run of a China-time day, the rankings'
 * months whose grace has run out are closed (so the rankings published next say so), then its
 * datasets go to the bucket and the index is rewritten. Other runs of the day do nothing here.
 */
export async function dailyOpenData(table: Store, cause: Cause): Promise<ScheduleRun> {
  const bucket = OpenDataBucket.fromSettings(settingsFrom(openDataSettings));
  if (!(await bucket.due('coordination', cause.now))) return { openData: 'published today already' };
  const closed = await closeMonths(table, cause);
  const entries = await bucket.publish('coordination', coordinationDatasets(table), cause.now);
  return { ...closed, datasets: entries.length, rows: entries.reduce((n, e) => n + e.rows, 0) };
}

import { addCounts, rate } from '../../../kernel/counters.ts';
import type { Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';

/** A street's running counts, kept as each change happens so that staffing is one read. */
export interface StaffingCounts {
  /** The quotas of the positions published for the street: the posts it recruits for (not the plan's posts). */
  publishedQuota: number;
  /** Staff hired into them. */
  filled: number;
  onSecondment: number;
  /** Secondments currently flagged (no approval, or past their end). */
  flagged: number;
}

/** Add to a street's counts inside a commit; the item comes into being with its first count. */
export function countStaffing(street: string, deltas: Partial<StaffingCounts>): Write {
  return addCounts(keys.staffing(street), deltas, { street, itemType: 'staffing' });
}

/**
 * Vacancy rate: published quota not filled, of the published quota. Secondment rate: staff on
 * secondment, of the staff hired. Rates are fractions (0.25 = 25 %) to four places; null when there
 * is nothing to divide by.
 */
export function staffingView(street: string, counts: Partial<StaffingCounts> | undefined) {
  const publishedQuota = counts?.publishedQuota ?? 0;
  const filled = counts?.filled ?? 0;
  const onSecondment = counts?.onSecondment ?? 0;
  const vacancies = Math.max(0, publishedQuota - filled);
  return {
    street,
    publishedQuota,
    filled,
    vacancies,
    vacancyRate: rate(vacancies, publishedQuota),
    onSecondment,
    secondmentRate: rate(onSecondment, filled),
    flaggedSecondments: counts?.flagged ?? 0,
  };
}

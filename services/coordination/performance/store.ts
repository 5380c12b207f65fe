import type { Item, Store, Write } from '../../../kernel/store.ts';
import { addCounts, rate } from '../../../kernel/counters.ts';
import { keys } from '../keys.ts';

/** A department's running counts in a district, kept as each change happens. */
export interface PerformanceCounts {
  /** Issues that named the department. */
  assigned: number;
  acknowledged: number;
  acknowledgedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  ratings: number;
  ratingSum: number;
  /** Ratings of 4 or 5. */
  satisfied: number;
  escalated: number;
  /** Work items it tried to push that were not on the access list. */
  blockedWorkItems: number;
}

/** Add to departments' counts inside a commit. */
export function performanceWrites(district: string, deltas: Record<string, Partial<Record<keyof PerformanceCounts, number>>>, now: string): Write[] {
  return Object.entries(deltas)
    .filter(([, counts]) => Object.values(counts).some((n) => n !== 0))
    .map(([department, counts]) =>
      addCounts(keys.performance(district, department), counts as Record<string, number>, { district, department, itemType: 'performance', changedAt: now }),
    );
}

/**
 * The three rates the district judges departments by: response (reported in on time, of the issues
 * assigned), resolution (resolved, of those assigned; and on time, of those resolved), satisfaction
 * (ratings of 4 or 5, of the ratings; and the average rating).
 */
export function performanceView(district: string, department: string, counts: Partial<PerformanceCounts> | undefined, overdue: number) {
  const n = (name: keyof PerformanceCounts) => counts?.[name] ?? 0;
  return {
    district,
    department,
    assigned: n('assigned'),
    acknowledged: n('acknowledged'),
    resolved: n('resolved'),
    responseRate: rate(n('acknowledgedOnTime'), n('assigned')),
    resolutionRate: rate(n('resolved'), n('assigned')),
    resolvedOnTimeRate: rate(n('resolvedOnTime'), n('resolved')),
    satisfactionRate: rate(n('satisfied'), n('ratings')),
    averageRating: n('ratings') > 0 ? Math.round((n('ratingSum') / n('ratings')) * 100) / 100 : null,
    ratings: n('ratings'),
    escalated: n('escalated'),
    overdue,
    blockedWorkItems: n('blockedWorkItems'),
  };
}

export async function performanceCounts(table: Store, district: string, department: string): Promise<Partial<PerformanceCounts> | undefined> {
  return table.get<Item & Partial<PerformanceCounts>>(keys.performance(district, department));
}

import type { Metadata } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { rate } from '../../../kernel/counters.ts';

/**
 * The monthly "three rates" rankings of a district's departments and streets, as Beijing's "handle on
 * receipt" practice publishes them: for each China-time month, issues received, the response rate
 * (reported in on time), the resolution rate (resolved within the deadline), satisfaction (mean rating
 * and the share rated 4–5), escalations and blocked work items; ranked within the district by the
 * mean of the three rates, with the change from the month before.
 *
 * Every figure is a count that an event adds to (DynamoDB ADD), in the month of the event's own time
 * (`raisedAt`, `acknowledgedAt`, …) in China time, so that events may arrive in any order and, through
 * the inbox guard, more than once.
 *
 * A month **closes** `CLOSE_GRACE_DAYS` after it ends (China time): coordination's daily `open-data` job
 * records it closed on its first run after that (before it publishes), and from that moment its figures
 * are frozen. An event of a closed month — one
 * published after the close, or delivered after the closing was recorded (a message redriven from a
 * dead-letter queue) — changes nothing but the month's count of events after close.
 */
export const CLOSE_GRACE_DAYS = 3;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export const RANKING_KINDS = ['departments', 'streets'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export const COUNTS = [
  'received',
  'responses',
  'responsesOnTime',
  'resolutions',
  'resolutionsOnTime',
  'ratings',
  'ratingSum',
  'ratingsHigh',
  'escalations',
  'blockedWorkItems',
] as const;
export type CountName = (typeof COUNTS)[number];
export type Counts = Record<CountName, number>;

/** The China-time month (`2026-11`) of an instant. */
export function chinaMonth(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month before (`2026-01` → `2025-12`). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** When a month closes: its end in China time plus the grace days. */
export function monthClosesAt(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Date.UTC(y, m, 1) is the first of the next month (m is 1-based); China time is UTC+8.
  return new Date(Date.UTC(y, m, 1) - CHINA_OFFSET_MS + CLOSE_GRACE_DAYS * 86_400_000).toISOString();
}

/** The months closed as of `now` that are not older than `back` months (what the close job records). */
export function monthsToClose(now: string, back = 2): string[] {
  const months: string[] = [];
  let month = previousMonth(chinaMonth(now));
  for (let i = 0; i < back; i += 1, month = previousMonth(month)) if (monthClosesAt(month) <= now) months.push(month);
  return months;
}

/** What one event adds to one department's or street's month. */
export interface RankingPart {
  district: string;
  month: string;
  of: RankingKind;
  subject: string;
  counts: Partial<Counts>;
}

type Data = Record<string, any>;

/** The instant an event of each ranking type counts at. */
const TIME_OF: Record<string, string> = {
  IssueRaised: 'raisedAt',
  IssueAcknowledged: 'acknowledgedAt',
  IssueResolved: 'resolvedAt',
  IssueRated: 'ratedAt',
  IssueEscalated: 'escalatedAt',
  WorkItemBlocked: 'blockedAt',
};
export const RANKING_EVENTS: ReadonlySet<string> = new Set(Object.keys(TIME_OF));

/** The month an event counts for, or undefined for an event that feeds no ranking. */
export function monthOf(detailType: string, data: Data): string | undefined {
  const field = TIME_OF[detailType];
  return field ? chinaMonth(data[field] as string) : undefined;
}

/**
 * The parts of an event: its street's, and each named department's. `data` has passed the contract.
 * An event published after its month closed has none (it counts only as an event after close).
 */
export function rankingParts(detailType: string, data: Data, metadata: Pick<Metadata, 'occurredAt'>): RankingPart[] {
  const month = monthOf(detailType, data);
  if (!month || metadata.occurredAt >= monthClosesAt(month)) return [];
  const district = districtOf(data.street as string);
  const both = (departments: string[], counts: Partial<Counts>): RankingPart[] => [
    { district, month, of: 'streets', subject: data.street, counts },
    ...[...new Set(departments)].map((subject) => ({ district, month, of: 'departments' as const, subject, counts })),
  ];
  switch (detailType) {
    case 'IssueRaised':
      return both(data.departments, { received: 1 });
    case 'IssueAcknowledged':
      return both([data.department], { responses: 1, responsesOnTime: data.late ? 0 : 1 });
    case 'IssueResolved':
      return both([data.department], { resolutions: 1, resolutionsOnTime: data.late ? 0 : 1 });
    case 'IssueRated':
      return both([data.department], { ratings: 1, ratingSum: data.score, ratingsHigh: data.score >= 4 ? 1 : 0 });
    case 'IssueEscalated':
      return both(data.departments, { escalations: 1 });
    case 'WorkItemBlocked':
      return both([data.department], { blockedWorkItems: 1 });
    default:
      return [];
  }
}

/** One department's or street's line of a month's ranking. */
export interface RankingRow {
  subject: string;
  rank: number | null;
  received: number;
  responses: number;
  responsesOnTime: number;
  responseRate: number | null;
  resolutions: number;
  resolutionsOnTime: number;
  resolutionRate: number | null;
  ratings: number;
  averageRating: number | null;
  satisfactionRate: number | null;
  escalations: number;
  blockedWorkItems: number;
  score: number | null;
  previousRank: number | null;
  rankChange: number | null;
  scoreChange: number | null;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The rates of one subject's counts, and its score: the mean of the rates it has (null: none). */
function rowOf(subject: string, stored: Partial<Counts>) {
  const n = (name: CountName) => Number(stored[name] ?? 0);
  const responseRate = rate(n('responsesOnTime'), n('responses'));
  const resolutionRate = rate(n('resolutionsOnTime'), n('resolutions'));
  const satisfactionRate = rate(n('ratingsHigh'), n('ratings'));
  const rates = [responseRate, resolutionRate, satisfactionRate].filter((r): r is number => r !== null);
  return {
    subject,
    received: n('received'),
    responses: n('responses'),
    responsesOnTime: n('responsesOnTime'),
    responseRate,
    resolutions: n('resolutions'),
    resolutionsOnTime: n('resolutionsOnTime'),
    resolutionRate,
    ratings: n('ratings'),
    averageRating: n('ratings') > 0 ? Math.round((n('ratingSum') / n('ratings')) * 100) / 100 : null,
    satisfactionRate,
    escalations: n('escalations'),
    blockedWorkItems: n('blockedWorkItems'),
    score: rates.length > 0 ? round4(rates.reduce((a, b) => a + b, 0) / rates.length) : null,
  };
}

/**
 * Ranks: by score, highest first; equal scores share a rank ("1, 2, 2, 4"); a subject without any
 * rate yet is listed after the ranked ones without a rank. Ties and the unranked in subject order.
 */
function ranked(rows: Array<ReturnType<typeof rowOf>>) {
  const bySubject = (a: { subject: string }, b: { subject: string }) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
  const sorted = [...rows].sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === b.score ? bySubject(a, b) : a.score === null ? 1 : -1;
    return b.score - a.score || bySubject(a, b);
  });
  return sorted.map((row) => ({ ...row, rank: row.score === null ? null : sorted.findIndex((other) => other.score === row.score) + 1 }));
}

/** A month's ranking from the stored counts of its subjects, with the change from the month before. */
export function ranking(current: ReadonlyMap<string, Partial<Counts>>, previous: ReadonlyMap<string, Partial<Counts>>): RankingRow[] {
  const before = new Map(ranked([...previous].map(([s, c]) => rowOf(s, c))).map((r) => [r.subject, r]));
  return ranked([...current].map(([s, c]) => rowOf(s, c))).map((row) => {
    const earlier = before.get(row.subject);
    const previousRank = earlier?.rank ?? null;
    return {
      ...row,
      previousRank,
      rankChange: previousRank !== null && row.rank !== null ? previousRank - row.rank : null,
      scoreChange: earlier?.score != null && row.score !== null ? round4(row.score - earlier.score) : null,
    };
  });
}

/** The columns of the CSV form, in order: the row's fields. */
export const CSV_COLUMNS = [
  'rank',
  'subject',
  'received',
  'responses',
  'responsesOnTime',
  'responseRate',
  'resolutions',
  'resolutionsOnTime',
  'resolutionRate',
  'ratings',
  'averageRating',
  'satisfactionRate',
  'escalations',
  'blockedWorkItems',
  'score',
  'previousRank',
  'rankChange',
  'scoreChange',
] as const satisfies ReadonlyArray<keyof RankingRow>;

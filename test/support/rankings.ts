/**
 * The monthly rankings' counts recomputed from the events, sharing no code with the service: the
 * property test of the rankings (test/coordination-rankings-property.test.ts) compares the service's
 * counts with these. A month is China time (UTC+8); it closes three days after it ends; an event
 * published after that is not counted (only as an event after close).
 */
type Data = Record<string, any>;

export interface RankingEvent {
  detailType: string;
  detail: { metadata: { eventId: string; occurredAt: string }; data: unknown };
}

const TIME: Record<string, string> = {
  IssueRaised: 'raisedAt',
  IssueAcknowledged: 'acknowledgedAt',
  IssueResolved: 'resolvedAt',
  IssueRated: 'ratedAt',
  IssueEscalated: 'escalatedAt',
  WorkItemBlocked: 'blockedAt',
};

export const monthInChina = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export const closeOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m, 1) - 8 * 3_600_000 + 3 * 86_400_000;
};

export interface Recomputed {
  /** `<month> <of> <subject>` → counts. */
  rows: Map<string, Record<string, number>>;
  /** `<month>` → events counted / not counted (after close). */
  months: Map<string, { eventsApplied: number; eventsAfterClose: number }>;
}

/** Over distinct events of one district; `closedMonths` were closed before these events were delivered. */
export function recomputeRankings(events: readonly RankingEvent[], closedMonths: ReadonlySet<string> = new Set()): Recomputed {
  const rows = new Map<string, Record<string, number>>();
  const months = new Map<string, { eventsApplied: number; eventsAfterClose: number }>();
  const add = (month: string, of: string, subject: string, counts: Record<string, number>) => {
    const key = `${month} ${of} ${subject}`;
    const row = rows.get(key) ?? {};
    for (const [name, n] of Object.entries(counts)) row[name] = (row[name] ?? 0) + n;
    rows.set(key, row);
  };
  for (const event of events) {
    const data = event.detail.data as Data;
    const field = TIME[event.detailType];
    if (!field) continue;
    const month = monthInChina(data[field]);
    const figures = months.get(month) ?? { eventsApplied: 0, eventsAfterClose: 0 };
    months.set(month, figures);
    if (closedMonths.has(month) || Date.parse(event.detail.metadata.occurredAt) >= closeOf(month)) {
      figures.eventsAfterClose += 1;
      continue;
    }
    figures.eventsApplied += 1;
    const departments: string[] = event.detailType === 'IssueRaised' || event.detailType === 'IssueEscalated' ? [...new Set<string>(data.departments)] : [data.department];
    let counts: Record<string, number> = {};
    if (event.detailType === 'IssueRaised') counts = { received: 1 };
    if (event.detailType === 'IssueAcknowledged') counts = { responses: 1, responsesOnTime: data.late ? 0 : 1 };
    if (event.detailType === 'IssueResolved') counts = { resolutions: 1, resolutionsOnTime: data.late ? 0 : 1 };
    if (event.detailType === 'IssueRated') counts = { ratings: 1, ratingSum: data.score, ratingsHigh: data.score >= 4 ? 1 : 0 };
    if (event.detailType === 'IssueEscalated') counts = { escalations: 1 };
    if (event.detailType === 'WorkItemBlocked') counts = { blockedWorkItems: 1 };
    add(month, 'streets', data.street, counts);
    for (const department of departments) add(month, 'departments', department, counts);
  }
  return { rows, months };
}

import { DEFAULT_FUNCTION_MEMORY_MB } from '../../../infra/constructs/function-memory.ts';
import { readRoundTrips, scaleFigures, sumFigures, WRITE_OPERATIONS, type CallFigures, type InvocationRecord } from './meter.ts';
import { priceOfAMillion, type PriceOfAMillion } from './prices.ts';

/** One request the cost phase sent. */
export interface RouteSample {
  service: string;
  /** The route's name in its service's table. */
  name: string;
  routeKey: string;
  method: string;
  correlationId: string;
  status: number;
}

export interface OperationCost {
  kind: 'route' | 'consumer';
  service: string;
  /** `POST /coordination/issues`, or for a consumer the event it reacts to. */
  name: string;
  samples: number;
  /** The median invocation's duration (a consumer's: per event). */
  durationMs: number;
  /** The DynamoDB figures of the median invocation (a consumer's: per event). */
  figures: CallFigures;
  price: PriceOfAMillion;
  /** A route: every consumer reaction to what the median request set off, summed (same correlation id). */
  fanOut?: { reactions: number; durationMs: number; figures: CallFigures; price: number };
  /** Why it is above the goal (one read round trip, one TransactWriteItems; a consumer's inbox check besides), or undefined. */
  overGoal?: string;
}

export interface CostFigures {
  memoryMb: number;
  operations: OperationCost[];
  /** Consumer reactions no request of the phase set off (their events come from schedules, or from routes' rarer outcomes). */
  unreached: string[];
}

const median = <T>(items: readonly T[], by: (item: T) => number): T => {
  const sorted = [...items].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

const describeCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort()
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');

/**
 * What is over the physical minimum of a checked change: a route reads at most once and, if it
 * writes, writes once, in one TransactWriteItems; a consumer the same, besides the inbox guard's
 * GetItem. Undefined when it is within.
 */
export function overGoal(kind: 'route' | 'consumer', method: string, figures: CallFigures): string | undefined {
  const reads = readRoundTrips(figures) - (kind === 'consumer' ? 1 : 0);
  const writes = Object.entries(figures.calls).filter(([op]) => WRITE_OPERATIONS.has(op));
  const transactions = figures.calls.TransactWriteItems ?? 0;
  const otherWrites = writes.filter(([op]) => op !== 'TransactWriteItems').reduce((n, [, k]) => n + k, 0);
  const problems: string[] = [];
  if (reads > 1) problems.push(`${reads} read round trips${kind === 'consumer' ? ' besides the inbox' : ''}`);
  const writes_ = kind === 'consumer' || method !== 'GET';
  if (writes_ && transactions > 1) problems.push(`${transactions} TransactWriteItems`);
  if (otherWrites > 0) problems.push(`${otherWrites} writes outside a transaction`);
  if (!writes_ && transactions > 0) problems.push('a read route that writes');
  return problems.length > 0 ? `${problems.join('; ')} (${describeCalls(figures.calls)})` : undefined;
}

/** A consumer reaction's share of an invocation: the batch's figures over its records. */
function perEvent(record: InvocationRecord): { durationMs: number; figures: CallFigures } {
  const share = 1 / Math.max(1, record.records);
  return { durationMs: record.durationMs * share, figures: scaleFigures(record.figures, share) };
}

export function summarize(
  invocations: readonly InvocationRecord[],
  samples: readonly RouteSample[],
  consumers: ReadonlyArray<{ service: string; detailType: string }>,
  memoryMb = DEFAULT_FUNCTION_MEMORY_MB,
): CostFigures {
  const operations: OperationCost[] = [];
  const byRoute = new Map<string, RouteSample[]>();
  for (const s of samples) byRoute.set(`${s.service} ${s.name}`, [...(byRoute.get(`${s.service} ${s.name}`) ?? []), s]);
  for (const group of byRoute.values()) {
    const measured = group.flatMap((sample) => {
      const http = invocations.find((i) => i.kind === 'http' && i.correlationIds.includes(sample.correlationId));
      if (!http) return [];
      const reactions = invocations
        .filter((i) => i.kind === 'events' && i.correlationIds.includes(sample.correlationId))
        .map((i) => {
          const share = 1 / i.correlationIds.length;
          return { durationMs: i.durationMs * share, figures: scaleFigures(i.figures, share), records: i.records * share };
        });
      return [{ sample, http, reactions }];
    });
    if (measured.length === 0) continue;
    const typical = median(measured, (m) => m.http.durationMs);
    const first = typical.sample;
    const fanOutFigures = sumFigures(typical.reactions.map((r) => r.figures));
    const fanOutMs = typical.reactions.reduce((n, r) => n + r.durationMs, 0);
    const price = priceOfAMillion({ kind: 'route', memoryMb, durationMs: typical.http.durationMs, ...typical.http.figures });
    const reactions = typical.reactions.reduce((n, r) => n + r.records, 0);
    const fanOutPrice = typical.reactions.reduce(
      (n, r) => n + priceOfAMillion({ kind: 'consumer', memoryMb, durationMs: r.durationMs, ...r.figures }).total,
      0,
    );
    const over = overGoal('route', first.method, typical.http.figures);
    operations.push({
      kind: 'route',
      service: first.service,
      name: first.routeKey,
      samples: measured.length,
      durationMs: typical.http.durationMs,
      figures: typical.http.figures,
      price,
      ...(typical.reactions.length > 0 ? { fanOut: { reactions: Math.round(reactions * 100) / 100, durationMs: fanOutMs, figures: fanOutFigures, price: Math.round(fanOutPrice * 1e4) / 1e4 } } : {}),
      ...(over ? { overGoal: over } : {}),
    });
  }

  const unreached: string[] = [];
  for (const { service, detailType } of consumers) {
    // Batches that carried this event alone: a batch of several kinds cannot be split by kind.
    const records = invocations.filter((i) => i.kind === 'events' && i.service === service && i.name === detailType);
    if (records.length === 0) {
      unreached.push(`${service} ← ${detailType}`);
      continue;
    }
    const events = records.map(perEvent);
    const typical = median(events, (e) => e.durationMs);
    const over = overGoal('consumer', 'POST', typical.figures);
    operations.push({
      kind: 'consumer',
      service,
      name: detailType,
      samples: records.reduce((n, r) => n + r.records, 0),
      durationMs: typical.durationMs,
      figures: typical.figures,
      price: priceOfAMillion({ kind: 'consumer', memoryMb, durationMs: typical.durationMs, ...typical.figures }),
      ...(over ? { overGoal: over } : {}),
    });
  }
  return { memoryMb, operations, unreached };
}

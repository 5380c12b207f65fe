import type { Reaction, ReactionContext } from '../../../kernel/consumer.ts';
import type { Cause, Metadata } from '../../../kernel/events.ts';
import type { Store } from '../../../kernel/store.ts';
import { scorecardParts } from './domain.ts';
import { ScorecardStore } from './store.ts';

/**
 * What an event does to the scorecard, as a consumer's reaction. One street: its writes join the
 * consumer's transaction with the inbox guard. Several streets: applied part by part first (see
 * ScorecardStore.applyParts), the inbox then written alone.
 */
export async function scorecardReaction(table: Store, detailType: string, data: unknown, metadata: Metadata, cause: Cause): Promise<Reaction> {
  const scorecards = new ScorecardStore(table);
  const parts = scorecardParts(detailType, data as Record<string, unknown>, metadata);
  if (parts.length === 1) return { writes: await scorecards.partWrites(parts[0]!, cause.now), events: [] };
  await scorecards.applyParts(parts, metadata, cause.now);
  return { writes: [], events: [] };
}

/** The reaction of an event that only feeds the scorecard (any event the scorecard counts). */
export function toScorecard(table: Store) {
  return (data: unknown, { metadata, cause, event }: ReactionContext): Promise<Reaction> =>
    scorecardReaction(table, event.detailType, data, metadata, cause);
}

/** Two reactions as one commit. */
export function both(a: Reaction, b: Reaction): Reaction {
  return { writes: [...a.writes, ...b.writes], events: [...a.events, ...b.events], ...(a.note || b.note ? { note: [a.note, b.note].filter(Boolean).join('; ') } : {}) };
}

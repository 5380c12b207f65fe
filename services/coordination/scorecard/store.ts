import type { Metadata } from '../../../kernel/events.ts';
import { putNew, type Item, type Store, type Write } from '../../../kernel/store.ts';
import { addCounts } from '../../../kernel/counters.ts';
import { keys } from '../keys.ts';
import { addFigures, mergeRegister, type Figures, type RegisterValue, type StreetPart } from './domain.ts';

type RegisterItem = Item & { value: RegisterValue; revision: number };

/** The scorecards and their registers in the coordination table. */
export class ScorecardStore {
  constructor(readonly table: Store) {}

  async scorecard(street: string): Promise<(Partial<Figures> & { changedAt?: string }) | undefined> {
    return this.table.get<Item & Partial<Figures> & { changedAt?: string }>(keys.scorecard(street));
  }

  /**
   * The writes of one street's part of an event: each register that the event changes (written only
   * if nobody wrote it since it was read: a concurrent change of the same register makes this commit
   * fail with a 409, and the queue delivers the event again), and the figures, added.
   */
  async partWrites(part: StreetPart, now: string): Promise<Write[]> {
    const counts: Partial<Figures> = { ...part.counts, eventsApplied: 1 };
    const writes: Write[] = [];
    // Every register the event changes, read together (one round trip: Store.get gathers them).
    const registerKeys = part.registers.map((update) => keys.register(part.street, update.kind, update.key));
    const currents = await Promise.all(registerKeys.map((key) => this.table.get<RegisterItem>(key)));
    for (const [index, update] of part.registers.entries()) {
      const key = registerKeys[index]!;
      const current = currents[index];
      const merged = mergeRegister(update, current?.value);
      if (!merged) continue;
      addFigures(counts, merged.delta);
      const item: RegisterItem = { ...key, itemType: 'scorecard-register', value: merged.value, revision: (current?.revision ?? 0) + 1 };
      writes.push(
        current
          ? {
              item: {
                Put: {
                  TableName: '',
                  Item: item,
                  ConditionExpression: '#revision = :revision',
                  ExpressionAttributeNames: { '#revision': 'revision' },
                  ExpressionAttributeValues: { ':revision': current.revision },
                },
              },
              conflict: `register ${key.sk} of ${part.street} changed meanwhile`,
            }
          : putNew(item, `register ${key.sk} of ${part.street} was written meanwhile`),
      );
    }
    writes.push(addCounts(keys.scorecard(part.street), counts as Record<string, number>, { street: part.street, itemType: 'scorecard', changedAt: now }));
    return writes;
  }

  /**
   * An event that concerns several streets (a delegation to many) is applied street by street, each
   * part in its own transaction with a marker `APPLIED#<eventId>`, so that 100 streets fit DynamoDB's
   * limit of 100 writes per transaction. A redelivery after a crash part-way skips the marked parts;
   * the inbox is written by the consumer once every part is in.
   */
  async applyParts(parts: StreetPart[], metadata: Metadata, now: string): Promise<void> {
    for (const part of parts) {
      const marker = keys.appliedPart(part.street, metadata.eventId);
      if (await this.table.get(marker)) continue;
      const writes = await this.partWrites(part, now);
      await this.table.commit({
        writes: [putNew({ ...marker, itemType: 'scorecard-applied', appliedAt: now }, `part ${marker.sk} was applied meanwhile`), ...writes],
        events: [],
      });
    }
  }
}

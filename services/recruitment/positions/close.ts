import { ulid } from 'ulid';
import { commitInChunks } from '../../../kernel/bulk-write.ts';
import { ConflictError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import { logger } from '../../../kernel/logger.ts';
import { putNew, putVersioned, type Commit, type Store } from '../../../kernel/store.ts';
import type { Application } from '../applications/domain.ts';
import { applicationItem, ApplicationStore } from '../applications/store.ts';
import { countStaffing } from '../staff/staffing.ts';
import { staffItem } from '../staff/store.ts';
import { boardWrites } from './board.ts';
import { closePosition, type Closing } from './closing.ts';
import type { Position } from './domain.ts';
import { positionItem, PositionStore } from './store.ts';

/**
 * Closing a position, in two steps.
 * 1. One transaction: the position (only if unchanged since it was read: a late application or
 *    score bumps its version), its board entries, the street's filled count, and per hire the
 *    application, the staff member and StaffHired. All hires are made, or none.
 * 2. The remaining eligible applications are marked not-selected in chunks, then the position's
 *    settlement is `done`. These writes carry no events (PositionClosed counted them) and only
 *    touch applications of a position that is no longer published, which nothing else may change;
 *    should the process stop part-way, closing again finishes them (and still answers 409).
 */
export class PositionCloser {
  private readonly positions: PositionStore;
  private readonly applications: ApplicationStore;

  constructor(private readonly table: Store) {
    this.positions = new PositionStore(table);
    this.applications = new ApplicationStore(table);
  }

  async close(position: Position, cause: Cause, newStaffId: () => string = ulid): Promise<Closing> {
    if (position.status !== 'published' && position.settlement === 'pending') {
      await this.settle(position);
    }
    const eligible = await this.applications.eligibleOf(position.id);
    const closing = closePosition(position, eligible, newStaffId, cause);
    await this.table.commit(this.closingCommit(position, closing));
    await this.settle(closing.position, closing.notSelected);
    return closing;
  }

  private closingCommit(before: Position, { position, hires, events }: Closing): Commit {
    return {
      writes: [
        putVersioned(positionItem(position), `Position ${position.id} changed while it was being closed; close it again.`),
        ...boardWrites(before, position),
        ...(hires.length > 0 ? [countStaffing(position.street, { filled: hires.length })] : []),
        ...hires.flatMap(({ application, staff }) => [
          putVersioned(applicationItem(application), `Application ${application.id} changed while the position was being closed.`),
          putNew(staffItem(staff), `Staff member ${staff.id} already exists.`),
        ]),
      ],
      events,
    };
  }

  /** Mark the not-selected; from a fresh read of what is still eligible when resuming. */
  private async settle(position: Position, notSelected?: Application[]): Promise<void> {
    const marks =
      notSelected ??
      (await this.applications.eligibleOf(position.id)).map((a): Application => ({
        ...a,
        status: 'not-selected',
        decidedAt: position.closedAt!,
        decision: 'Not among the top of the ranking when the position closed.',
        version: a.version + 1,
      }));
    try {
      await commitInChunks(
        this.table,
        marks.map((a) => putVersioned(applicationItem(a), `Application ${a.id} changed meanwhile.`)),
        { chunkSize: 50, concurrency: 4 },
      );
      await this.table.commit({ writes: [this.positions.settledWrite(position.id)], events: [] });
    } catch (error) {
      // The hires stand; what is left is marked by the next close attempt.
      if (!(error instanceof ConflictError)) throw error;
      logger.warn('settlement of a closed position left for a later attempt', { positionId: position.id, error });
    }
  }
}

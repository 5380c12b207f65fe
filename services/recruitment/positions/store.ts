import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { drawFromAllotment } from '../plans/store.ts';
import { countStaffing } from '../staff/staffing.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { boardWrites, type PublicPosition } from './board.ts';
import type { Position, PositionChange, Publication } from './domain.ts';

export function positionItem(position: Position) {
  return { ...keys.position(position.id), itemType: 'position', ...position };
}

/**
 * An application arrived: count it, and bump the version so that a closing which read the position
 * before it cannot commit over it. Refused once the position is no longer published.
 */
export function countApplication(positionId: string, eligible: boolean): Write {
  return {
    item: {
      Update: {
        TableName: '',
        Key: keys.position(positionId),
        UpdateExpression: 'ADD applications :one, eligibleApplications :eligible, version :one',
        ConditionExpression: '#status = :published',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':eligible': eligible ? 1 : 0, ':published': 'published' },
      },
    },
    conflict: `Position ${positionId} stopped taking applications meanwhile.`,
  };
}

/** A score changed: bump the version (a closing that ranked without it must read again); published only. */
export function touchPosition(positionId: string): Write {
  return {
    item: {
      Update: {
        TableName: '',
        Key: keys.position(positionId),
        UpdateExpression: 'ADD version :one',
        ConditionExpression: '#status = :published',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
      },
    },
    conflict: `Position ${positionId} was closed meanwhile; its scores are final.`,
  };
}

/** Positions and their entries on the public board. */
export class PositionStore {
  constructor(readonly table: Store) {}

  async position(id: string): Promise<Position | undefined> {
    const item = await this.table.get<Stored<Position>>(keys.position(id));
    return item && strip(item);
  }

  async board(query: { status: string; street?: string; kind?: string; limit: number; cursor?: string }): Promise<Page<PublicPosition>> {
    const page = await rangePage<Stored<PublicPosition>>(this.table, {
      partition: keys.board(query.status, query),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { ...page, items: page.items.map(strip) };
  }

  /** A street's drafts, newest first. */
  async drafts(street: string, query: { limit: number; cursor?: string }): Promise<Page<Position>> {
    const page = await rangePage<Stored<Position>>(this.table, { partition: keys.draftsOf(street), limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { ...page, items: page.items.map(strip) };
  }

  /** A draft: the position and its entry among the street's drafts. */
  draftCommit({ position, events }: PositionChange): Commit {
    return {
      writes: [
        putNew(positionItem(position), `Position ${position.id} already exists.`),
        putNew({ ...keys.draftEntry(position.street, position.draftedAt, position.id), itemType: 'draft-entry', ...position }, `Position ${position.id} already exists.`),
      ],
      events,
    };
  }

  /** Published: the position, its posts drawn from the plan, the street's post count, its board entries (and no longer a draft). */
  publicationCommit(before: Position, { position, draw, allotment, events }: Publication): Commit {
    return {
      writes: [
        putVersioned(positionItem(position), `Position ${position.id} changed meanwhile.`),
        drawFromAllotment(allotment, draw, `The ${position.year} plan's posts for ${position.street} were taken meanwhile.`),
        countStaffing(position.street, { publishedQuota: position.quota }),
        ...boardWrites(before, position),
        { item: { Delete: { TableName: '', Key: keys.draftEntry(before.street, before.draftedAt, before.id) } }, conflict: `draft entry of ${before.id}` },
      ],
      events,
    };
  }

  /** Settlement finished: every eligible application that was not hired is marked. */
  settledWrite(positionId: string): Write {
    return {
      item: {
        Update: {
          TableName: '',
          Key: keys.position(positionId),
          UpdateExpression: 'SET settlement = :done',
          ExpressionAttributeValues: { ':done': 'done' },
        },
      },
      conflict: `position ${positionId} settlement`,
    };
  }
}

import { type Item, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import type { Position } from './domain.ts';

/**
 * The public job board. A position on the board (published, closed or filled; never a draft) has one
 * entry per filter combination it can be found by, each holding only its public view: what a
 * visitor sees is what the entry holds, so nothing personal or internal can leak through a list.
 */
export function publicView(position: Position) {
  return {
    id: position.id,
    title: position.title,
    ...(position.description ? { description: position.description } : {}),
    street: position.street,
    kind: position.kind,
    quota: position.quota,
    eligibility: position.eligibility,
    opensAt: position.opensAt,
    closesAt: position.closesAt,
    year: position.year,
    status: position.status,
    ...(position.publishedAt ? { publishedAt: position.publishedAt } : {}),
    ...(position.closedAt ? { closedAt: position.closedAt, hired: position.hired ?? 0 } : {}),
  };
}
export type PublicPosition = ReturnType<typeof publicView>;

export function isOnBoard(position: Position): boolean {
  return position.status !== 'draft';
}

/** Newest first: published positions by publication, closed and filled ones by closing. */
function sortAt(position: Position): string {
  return position.status === 'published' ? position.publishedAt! : position.closedAt!;
}

function partitions(position: Position): string[] {
  const { status, street, kind } = position;
  return [keys.board(status), keys.board(status, { street }), keys.board(status, { kind }), keys.board(status, { street, kind })];
}

function entryKeys(position: Position) {
  return partitions(position).map((partition) => keys.boardEntry(partition, sortAt(position), position.id));
}

export function boardEntries(position: Position): Item[] {
  const view = publicView(position);
  return entryKeys(position).map((key) => ({ ...key, itemType: 'board-entry', ...view }));
}

/** Move a position's entries from where `before` was listed to where `after` is. */
export function boardWrites(before: Position | undefined, after: Position): Write[] {
  const removals = before && isOnBoard(before) ? entryKeys(before) : [];
  const additions = isOnBoard(after) ? boardEntries(after) : [];
  return [
    ...removals.map((Key) => ({ item: { Delete: { TableName: '', Key } }, conflict: `board entry ${Key.pk}` })),
    ...additions.map((Item) => ({ item: { Put: { TableName: '', Item } }, conflict: `board entry ${Item.pk}` })),
  ];
}

import type { paths } from '../../../api/schema';
import { allOf, api, call } from '../../../lib/api.ts';

export type BoardPosition = paths['/recruitment/positions/{id}']['get']['responses'][200]['content']['application/json'];
export type PositionKind = BoardPosition['kind'];
export const KINDS = allOf<PositionKind>()(['career-establishment', 'civil-servant', 'community-worker']);

export interface BoardQuery {
  street?: string;
  kind?: PositionKind;
  openNow?: boolean;
  cursor?: string;
}

const PAGE = 20;
/** Pages read at most to fill one page of open positions. */
const MAX_READS = 5;

/**
 * A page of the public job board. "Open now" is the board's `window`, which the API reports per
 * position but does not filter by: pages are read on until one page of open ones is full (or a few
 * pages were read), and the cursor continues from there.
 */
export async function boardPage(query: BoardQuery): Promise<{ items: BoardPosition[]; cursor?: string }> {
  const items: BoardPosition[] = [];
  let cursor = query.cursor;
  for (let read = 0; read < (query.openNow ? MAX_READS : 1); read += 1) {
    const page = await call(
      api().GET('/recruitment/positions', {
        params: {
          query: {
            limit: PAGE,
            ...(query.street ? { street: query.street } : {}),
            ...(query.kind ? { kind: query.kind } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    );
    items.push(...(query.openNow ? page.items.filter((p) => p.window === 'open') : page.items));
    cursor = page.cursor;
    if (!cursor || items.length >= PAGE) break;
  }
  return { items, ...(cursor ? { cursor } : {}) };
}

export async function position(id: string): Promise<BoardPosition> {
  return call(api().GET('/recruitment/positions/{id}', { params: { path: { id } } }));
}

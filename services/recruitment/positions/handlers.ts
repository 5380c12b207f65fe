import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { PlanStore } from '../plans/store.ts';
import { isOnBoard, publicView, type PublicPosition } from './board.ts';
import { PositionCloser } from './close.ts';
import { draftPosition, publishPosition, windowAt, type Position } from './domain.ts';
import type { positionRoutes } from './routes.ts';
import { PositionStore } from './store.ts';

const onBoard = (position: PublicPosition, now: string) => ({ ...position, window: windowAt(position, now) });

/**
 * What the office sees of a position: the board's view and its own figures; not who typed it in,
 * nor the store's bookkeeping (its version, how far the marking of the not-selected has got).
 */
function officeView(position: Position, now: string) {
  return {
    ...onBoard(publicView(position), now),
    district: position.district,
    draftedAt: position.draftedAt,
    applications: position.applications,
    eligibleApplications: position.eligibleApplications,
    ...(position.notSelected !== undefined ? { notSelected: position.notSelected } : {}),
  };
}

export function positionHandlers(table: Store): RouteHandlers<typeof positionRoutes> {
  const positions = new PositionStore(table);
  const plans = new PlanStore(table);
  const closer = new PositionCloser(table);

  async function existing(id: string): Promise<Position> {
    const position = await positions.position(id);
    if (!position) throw new NotFoundError(`No position ${id}.`);
    return position;
  }

  return {
    async draftPosition({ body, ctx }) {
      ctx.authorize({ jurisdiction: body.street });
      const change = draftPosition({ id: ulid(), ...body }, ctx.cause);
      return ctx.commit(positions.draftCommit(change), { statusCode: 201, body: officeView(change.position, ctx.cause.now) });
    },

    async publishPosition({ params, ctx }) {
      const position = await existing(params.id);
      ctx.authorize({ jurisdiction: position.street });
      const allotment = await plans.allotment(position.district, position.year, position.street);
      const publication = publishPosition(position, allotment, ctx.cause);
      return ctx.commit(positions.publicationCommit(position, publication), {
        statusCode: 200,
        body: officeView(publication.position, ctx.cause.now),
      });
    },

    async draftPositions({ params, query, ctx }) {
      ctx.authorize({ jurisdiction: params.street });
      const page = await positions.drafts(params.street, query);
      return { statusCode: 200, body: { ...page, items: page.items.map((p) => officeView(p, ctx.cause.now)) } };
    },

    async listPositions({ query, ctx }) {
      const page = await positions.board(query);
      return { statusCode: 200, body: { ...page, items: page.items.map((p) => onBoard(p, ctx.cause.now)) } };
    },

    async getPosition({ params, ctx }) {
      const position = await positions.position(params.id);
      // A draft is nobody's business outside the office yet: the same 404 as no position at all.
      if (!position || !isOnBoard(position)) throw new NotFoundError(`No position ${params.id}.`);
      return { statusCode: 200, body: onBoard(publicView(position), ctx.cause.now) };
    },

    async closePosition({ params, ctx }) {
      const position = await existing(params.id);
      ctx.authorize({ jurisdiction: position.street });
      const closing = await closer.close(position, ctx.cause);
      return {
        statusCode: 200,
        body: {
          position: officeView(closing.position, ctx.cause.now),
          hired: closing.hires.map(({ application, staff }) => ({
            staffId: staff.id,
            applicationId: application.id,
            name: staff.name,
            rank: application.rank,
            score: application.score,
          })),
          notSelected: closing.notSelected.length,
        },
      };
    },
  };
}

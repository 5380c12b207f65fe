import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { scorecardView } from './domain.ts';
import type { scorecardRoutes } from './routes.ts';
import { ScorecardStore } from './store.ts';

export function scorecardHandlers(table: Store): RouteHandlers<typeof scorecardRoutes> {
  const scorecards = new ScorecardStore(table);
  return {
    async streetScorecard({ params, ctx }) {
      ctx.authorize({ jurisdiction: params.street });
      return { statusCode: 200, body: scorecardView(params.street, await scorecards.scorecard(params.street)) };
    },
  };
}

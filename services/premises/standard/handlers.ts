import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { setStandard, standardView } from './domain.ts';
import type { standardRoutes } from './routes.ts';
import { StandardStore } from './store.ts';

export function standardHandlers(table: Store): RouteHandlers<typeof standardRoutes> {
  const standards = new StandardStore(table);
  return {
    async districtStandard({ params }) {
      return { statusCode: 200, body: standardView(await standards.standard(params.district)) };
    },

    async setDistrictStandard({ params, body, ctx }) {
      ctx.authorize({ jurisdiction: params.district });
      const change = setStandard(await standards.standard(params.district), body, ctx.cause);
      return ctx.commit(standards.standardCommit(change), { statusCode: 200, body: standardView(change.standard) });
    },
  };
}

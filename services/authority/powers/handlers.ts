import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { Store } from '../../../kernel/store.ts';
import { catalogPower } from './domain.ts';
import type { powerRoutes } from './routes.ts';
import { CatalogStore } from './store.ts';

export function powerHandlers(table: Store): RouteHandlers<typeof powerRoutes> {
  const catalog = new CatalogStore(table);
  return {
    async addPower({ body, principal, ctx }) {
      // The catalog is kept by district offices: a district-admin role held at street level is not enough.
      ctx.authorize({ jurisdiction: districtOf(principal.jurisdiction) });
      const change = catalogPower(body, ctx.cause);
      return ctx.commit(catalog.catalogCommit(change), { statusCode: 201, body: change.power });
    },

    async listPowers({ query }) {
      return { statusCode: 200, body: await catalog.catalog(query) };
    },

    async getPower({ params }) {
      const power = await catalog.power(params.code);
      if (!power) throw new NotFoundError(`No power ${params.code} in the catalog.`);
      return { statusCode: 200, body: power };
    },
  };
}

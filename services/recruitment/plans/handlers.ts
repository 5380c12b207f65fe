import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { adoptPlan, planView } from './domain.ts';
import type { planRoutes } from './routes.ts';
import { PlanStore } from './store.ts';

export function planHandlers(table: Store): RouteHandlers<typeof planRoutes> {
  const plans = new PlanStore(table);
  return {
    async adoptPlan({ body, ctx }) {
      ctx.authorize({ jurisdiction: body.district });
      const adoption = adoptPlan(body, ctx.cause);
      return ctx.commit(plans.adoptionCommit(adoption), { statusCode: 201, body: planView(adoption.plan, adoption.allotments) });
    },

    async getPlan({ params, ctx }) {
      ctx.authorize({ jurisdiction: params.district });
      const found = await plans.plan(params.district, params.year);
      if (!found) throw new NotFoundError(`${params.district} has no recruitment plan for ${params.year}.`);
      return { statusCode: 200, body: planView(found.plan, found.allotments) };
    },
  };
}

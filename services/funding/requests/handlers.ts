import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { Store } from '../../../kernel/store.ts';
import { PoolStore } from '../pools/store.ts';
import { approveRequest, declineRequest, requestView, type FundingRequest } from './domain.ts';
import type { requestRoutes } from './routes.ts';
import { RequestStore } from './store.ts';

export function requestHandlers(table: Store): RouteHandlers<typeof requestRoutes> {
  const requests = new RequestStore(table);
  const pools = new PoolStore(table);

  async function existing(id: string): Promise<FundingRequest> {
    const request = await requests.request(id);
    if (!request) throw new NotFoundError(`No funding request ${id}.`);
    return request;
  }

  return {
    async listRequests({ query, principal, ctx }) {
      const district = query.district ?? districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district });
      const page = await requests.requests(district, query.status, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(requestView) } };
    },

    async getRequest({ params, ctx }) {
      const request = await existing(params.id);
      ctx.authorize({ jurisdiction: request.street });
      return { statusCode: 200, body: requestView(request) };
    },

    async decideRequest({ params, body, ctx }) {
      const request = await existing(params.id);
      ctx.authorize({ jurisdiction: request.street });
      if (body.decision === 'decline') {
        const change = declineRequest(request, body.reason, ctx.cause);
        return ctx.commit(requests.decisionCommit(change), { statusCode: 200, body: requestView(change.request) });
      }
      const pool = await pools.pool(body.poolId);
      const change = approveRequest(request, pool, { ...body, allocationId: ulid() }, ctx.cause);
      return ctx.commit(requests.decisionCommit(change, change.allocation), {
        statusCode: 200,
        body: { ...requestView(change.request), allocation: change.allocation.allocation },
      });
    },
  };
}

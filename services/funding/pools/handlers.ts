import { ulid } from 'ulid';
import { NotFoundError, UnprocessableError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { ProjectStore } from '../projects/store.ts';
import { allocateFromPool, createPool, recordDisbursement, type Pool } from './domain.ts';
import type { poolRoutes } from './routes.ts';
import { PoolStore } from './store.ts';

export function poolHandlers(table: Store): RouteHandlers<typeof poolRoutes> {
  const pools = new PoolStore(table);
  const projects = new ProjectStore(table);

  async function existing(id: string): Promise<Pool> {
    const pool = await pools.pool(id);
    if (!pool) throw new NotFoundError(`No pool ${id}.`);
    return pool;
  }

  return {
    async createPool({ body, ctx }) {
      ctx.authorize({ jurisdiction: body.street });
      const change = createPool({ id: ulid(), ...body }, ctx.cause);
      return ctx.commit(pools.poolCommit(change), { statusCode: 201, body: change.pool });
    },

    async getPool({ params, ctx }) {
      const pool = await existing(params.id);
      ctx.authorize({ jurisdiction: pool.street });
      return { statusCode: 200, body: pool };
    },

    async listAllocations({ params, query, ctx }) {
      const pool = await existing(params.id);
      ctx.authorize({ jurisdiction: pool.street });
      return { statusCode: 200, body: await pools.allocationsOfPool(pool.id, query) };
    },

    async allocate({ params, body, ctx }) {
      const pool = await existing(params.id);
      ctx.authorize({ jurisdiction: pool.street });
      if (body.projectId) {
        const project = await projects.project(body.projectId);
        if (!project || project.street !== pool.street) {
          throw new UnprocessableError(`${pool.street} has no capital project ${body.projectId}.`, [
            { field: 'body.projectId', message: `not a project of ${pool.street}` },
          ]);
        }
      }
      const change = allocateFromPool(pool, { id: ulid(), ...body }, ctx.cause);
      return ctx.commit(pools.allocationCommit(change), { statusCode: 201, body: change.allocation });
    },

    async disburse({ params, body, ctx }) {
      const allocation = await pools.allocation(params.id);
      if (!allocation) throw new NotFoundError(`No allocation ${params.id}.`);
      ctx.authorize({ jurisdiction: allocation.street });
      const change = recordDisbursement(allocation, { id: ulid(), ...body }, ctx.cause);
      return ctx.commit(pools.disbursementCommit(change), { statusCode: 201, body: change.disbursement });
    },
  };
}

import * as z from 'zod/mini';
import type { HttpResult } from './http.ts';
import type { RouteSpec } from './routes.ts';
import type { Store } from './store.ts';
import type { ServiceName } from './table.ts';

const HealthSchema = z
  .object({
    service: z.string(),
    status: z.literal('ok'),
    table: z.string(),
    tableLatencyMs: z.number().check(z.int(), z.nonnegative()),
  })
  .check(z.meta({ title: 'Health' }));

/** Every service answers its operators: is the function up and does it reach its own table? */
export function healthRoute(service: ServiceName) {
  return {
    method: 'GET',
    path: `/${service}/health`,
    summary: `Check the ${service} service's health`,
    description: `Whether the ${service} service's function is up and reaches its own table, with the time one read of it took. For operators.`,
    access: { roles: ['operator'], jurisdiction: 'any' },
    status: 200,
    response: HealthSchema,
  } as const satisfies RouteSpec;
}

export async function health(service: ServiceName, store: Store): Promise<HttpResult> {
  const started = Date.now();
  await store.get({ pk: 'HEALTH', sk: 'HEALTH' });
  return {
    statusCode: 200,
    body: { service, status: 'ok', table: store.tableName, tableLatencyMs: Date.now() - started },
  };
}

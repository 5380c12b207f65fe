import type { Context } from 'aws-lambda';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Cause } from '../../kernel/events.ts';
import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';
import { REPO_ROOT } from '../../infra/bundle/options.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { catalogPower } from '../../services/authority/powers/domain.ts';
import { CatalogStore } from '../../services/authority/powers/store.ts';
import { authority } from '../../services/authority/service.ts';
import { dynamoMs } from './dynamo-time.ts';
import { apiEvent } from './samples.ts';
import { percentile } from './stats.ts';

export interface ListScale {
  route: string;
  items: number;
  requests: number;
  p50: number;
  p99: number;
}

const progress = (line: string) => console.log(`[bench] scale ${line}`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const cause = (n: number): Cause => ({
  correlationId: `bench-seed-${n}`,
  now: new Date().toISOString(),
  actor: { sub: 'bench-seed', roles: ['district-admin'], jurisdiction: 'D01' },
});

/** Enters catalog powers `from`..`to`-1 the way the route does (state and history in one transaction). */
async function seedPowers(store: Store, from: number, to: number): Promise<void> {
  const catalog = new CatalogStore(store);
  let next = from;
  const worker = async () => {
    while (next < to) {
      const n = next++;
      const change = catalogPower(
        {
          code: `BENCH-${String(n).padStart(6, '0')}`,
          name: `Bench power ${n}`,
          domain: 'law-enforcement',
          legalBasis: 'Bench regulation, art. 1',
          fromDepartment: 'urban-management',
        },
        cause(n),
      );
      await store.commit(catalog.catalogCommit(change));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/**
 * The public catalog list (`GET /authority/powers`, a page of 25 by a Query on its partition) with
 * `sizes` entries in the table, invoked in-process: the cost should follow the page, not the table.
 */
export async function measureListScale(sizes: readonly number[], requests: number): Promise<ListScale[]> {
  const http = ((await import(pathToFileURL(join(REPO_ROOT, authority.http)).href)) as {
    handler: (event: unknown, context: Context) => Promise<{ statusCode: number; body: string }>;
  }).handler;
  const store = new Store(tableNameFromEnv('authority'));
  const out: ListScale[] = [];
  let seeded = 0;
  for (const size of [...sizes].sort((a, b) => a - b)) {
    const seeding = performance.now();
    await seedPowers(store, seeded, size);
    progress(`list: ${size - seeded} catalog entries seeded in ${seconds(seeding)} s`);
    seeded = size;
    const invoke = async () => {
      const result = await http(
        apiEvent({ method: 'GET', path: '/authority/powers', routeKey: 'GET /authority/powers', query: { limit: '25' } }),
        lambdaContext('authority-http'),
      );
      if (result.statusCode !== 200) throw new Error(`list: ${result.statusCode} ${result.body}`);
      if ((JSON.parse(result.body) as { items: unknown[] }).items.length !== 25) throw new Error('list: not a full page');
    };
    for (let i = 0; i < 50; i++) await invoke();
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      await invoke();
      samples.push(performance.now() - started);
    }
    out.push({ route: 'GET /authority/powers?limit=25', items: size, requests, p50: percentile(samples, 50), p99: percentile(samples, 99) });
  }
  return out;
}

export interface ScorecardScale {
  priorEvents: number;
  events: number;
  p50: number;
  p99: number;
  /** Of each event's time, the part inside DynamoDB calls, and the rest (the handler's own), p50. */
  dynamoP50?: number;
  ownP50?: number;
}

/**
 * The scorecard's cost per event as its street's history grows: coordination's events handler, in
 * process, applying `StaffHired` and `ComplianceAssessed` events (a counter and a per-community fact)
 * of one street, after `sizes` prior events of that street. It should not grow with the history.
 */
export async function measureScorecardScale(sizes: readonly number[], events: number): Promise<ScorecardScale[]> {
  const { coordination } = await import('../../services/coordination/service.ts');
  const { SAMPLE_EVENTS, sqsEvent } = await import('./samples.ts');
  const handler = ((await import(pathToFileURL(join(REPO_ROOT, coordination.events!)).href)) as {
    handler: (event: unknown, context: Context) => Promise<{ batchItemFailures?: unknown[] } | undefined>;
  }).handler;
  const kinds = SAMPLE_EVENTS.filter((e) => ['StaffHired', 'ComplianceAssessed'].includes(e.definition.detailType));
  // One street for all (n ≡ 0 mod 80 in the samples), communities spread over 100.
  let n = 0;
  const apply = async () => {
    const sample = kinds[n % kinds.length]!;
    const data = sample.data(80 * n) as Record<string, unknown>;
    if (typeof data.community === 'string') data.community = `${data.street as string}/C${String(n % 100).padStart(2, '0')}`;
    n += 1;
    const result = await handler(sqsEvent(sample.definition, data), lambdaContext('coordination-events'));
    if (result?.batchItemFailures?.length) throw new Error('the scorecard event failed');
  };
  const out: ScorecardScale[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    // Seed up to `size` prior events, 8 at a time (the consumer is safe under concurrency).
    const seeding = performance.now();
    const from = n;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (n < size) await apply();
    }));
    progress(`scorecard: ${n - from} prior events applied in ${seconds(seeding)} s`);
    const samples: number[] = [];
    const inDynamo: number[] = [];
    for (let i = 0; i < events; i++) {
      const before = dynamoMs();
      const started = performance.now();
      await apply();
      samples.push(performance.now() - started);
      inDynamo.push(dynamoMs() - before);
    }
    const own = samples.map((ms, i) => ms - inDynamo[i]!);
    out.push({ priorEvents: size, events, p50: percentile(samples, 50), p99: percentile(samples, 99), dynamoP50: percentile(inDynamo, 50), ownP50: percentile(own, 50) });
  }
  return out;
}

/**
 * One phase of the benchmark in a process of its own (so that nothing of another phase runs beside
 * it): `tsx bench/phase.ts <warm|scale|gateway> <out.json>`, with DynamoDB Local's endpoint, the
 * stage and the sizes in the environment the runner sets. Writes its figures to `out.json`.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { tableEnvVar } from '../kernel/table.ts';
import { localAwsEnv } from '../infra/local/dynamodb-local.ts';
import { lambdaContext } from '../infra/local/lambda-context.ts';
import { createServiceTables } from '../infra/local/tables.ts';
import { services } from '../services/index.ts';
import { apiEvent, claims } from './lib/samples.ts';
import { GATEWAY_ROUTES } from './lib/routes.ts';

const [phase, outFile] = process.argv.slice(2);
const endpoint = process.env.BENCH_DYNAMODB_ENDPOINT!;
const stage = process.env.BENCH_STAGE!;
const quick = process.env.BENCH_QUICK === '1';

async function tables(): Promise<void> {
  Object.assign(process.env, localAwsEnv(endpoint));
  const names = await createServiceTables(new DynamoDBClient({}), stage);
  for (const service of services) process.env[tableEnvVar(service.name)] = names[service.name];
}

async function run(): Promise<unknown> {
  switch (phase) {
    case 'warm': {
      await tables();
      // The lean bundle as deployed (environment-only credentials) must work against DynamoDB Local too.
      const lean = (await import(pathToFileURL(process.env.BENCH_LEAN_HTTP_BUNDLE!).href)) as {
        handler: (e: unknown, c: Context) => Promise<{ statusCode: number; body: string }>;
      };
      const answer = await lean.handler(
        apiEvent({ method: 'GET', path: '/authority/health', routeKey: 'GET /authority/health', claims: claims('bench', ['operator'], 'D01') }),
        lambdaContext('authority-http'),
      );
      if (answer.statusCode !== 200) throw new Error(`the lean bundle's health: ${answer.statusCode} ${answer.body}`);
      const { measureWarm } = await import('./lib/warm.ts');
      return { leanBundleCredentials: 'environment only: health 200 against DynamoDB Local', handlers: await measureWarm(services, quick ? 300 : 2000) };
    }
    case 'scale': {
      await tables();
      const { measureListScale, measureScorecardScale } = await import('./lib/scale.ts');
      return {
        list: await measureListScale(quick ? [100, 1000] : [100, 10_000], quick ? 100 : 300),
        scorecard: await measureScorecardScale(quick ? [100, 1000] : [100, 10_000], quick ? 100 : 300),
      };
    }
    case 'gateway': {
      const { startLocalCloud } = await import('../infra/local/runtime.ts');
      const { load, measureSaga, whereTimeGoes } = await import('./lib/gateway.ts');
      // BENCH_GATEWAY_METER=1: the cost meter watches the loads too, and says where each one's time went.
      const { CostMeter } = await import('./lib/cost/meter.ts');
      const meter = process.env.BENCH_GATEWAY_METER === '1' ? new CostMeter() : undefined;
      const cloud = await startLocalCloud({
        ...(meter ? { observer: meter } : {}),
        inMemory: true,
        port: 0,
        dynamoEndpoint: endpoint,
        stage,
        scheduleTimers: false,
        dataDir: await mkdtemp(join(tmpdir(), 'five-haves-bench-')),
      });
      try {
        const wanted = process.env.BENCH_ROUTES?.split(',').filter(Boolean);
        const routes = (await GATEWAY_ROUTES(cloud)).filter((r) => !wanted || wanted.some((w) => r.path.includes(w)));
        const loads = [];
        for (const route of routes) {
          const from = meter?.invocations.length ?? 0;
          const figures = await load(cloud, route, quick ? 2 : 5);
          // The consumers still at work on what the load set off are part of its cost.
          while (meter && !meter.idle(500)) await new Promise((r) => setTimeout(r, 100));
          loads.push(meter ? { ...figures, where: whereTimeGoes(meter.invocations.slice(from), route) } : figures);
        }
        const saga = wanted ? undefined : await measureSaga(cloud, quick ? 5 : 20);
        return { loads, saga };
      } finally {
        await cloud.stop();
      }
    }
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}

const figures = await run();
await writeFile(outFile!, JSON.stringify(figures, null, 2));
process.exit(0);

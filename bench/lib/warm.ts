import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createDocumentClient } from '../../kernel/store.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { REPO_ROOT } from '../../infra/bundle/options.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { apiEvent, claims, SAMPLE_EVENTS, sqsEvent } from './samples.ts';
import { dynamoMs } from './dynamo-time.ts';
import { percentile } from './stats.ts';

type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface WarmFigures {
  handler: string;
  what: string;
  invocations: number;
  /** The handler from event to answer. */
  totalP50: number;
  totalP99: number;
  /** Its DynamoDB calls. */
  dynamoP50: number;
  dynamoP99: number;
  /** The handler's own cost: total minus DynamoDB time, per invocation. */
  ownP50: number;
  ownP99: number;
  /** The same call made bare with the SDK (http: the health route's GetItem). */
  bareP50?: number;
  bareP99?: number;
}

async function load(path: string): Promise<AnyHandler> {
  return ((await import(pathToFileURL(join(REPO_ROOT, path)).href)) as { handler: AnyHandler }).handler;
}

async function measure(
  label: string,
  what: string,
  invocations: number,
  invoke: (n: number) => Promise<void>,
): Promise<Omit<WarmFigures, 'bareP50' | 'bareP99'>> {
  for (let n = 0; n < Math.min(50, invocations / 10); n++) await invoke(-1 - n); // warm-up (JIT, connections)
  const total: number[] = [];
  const dynamo: number[] = [];
  const own: number[] = [];
  for (let n = 0; n < invocations; n++) {
    const before = dynamoMs();
    const started = performance.now();
    await invoke(n);
    const elapsed = performance.now() - started;
    const inDynamo = dynamoMs() - before;
    total.push(elapsed);
    dynamo.push(inDynamo);
    own.push(elapsed - inDynamo);
  }
  return {
    handler: label,
    what,
    invocations,
    totalP50: percentile(total, 50),
    totalP99: percentile(total, 99),
    dynamoP50: percentile(dynamo, 50),
    dynamoP99: percentile(dynamo, 99),
    ownP50: percentile(own, 50),
    ownP99: percentile(own, 99),
  };
}

/**
 * Warm invocations, in this process, of each service's http handler (its health route: one GetItem)
 * and events handler (a fresh event of a subscribed kind each time: inbox guard and the state it
 * applies, in one transaction), against DynamoDB Local; and the bare GetItem beside them.
 */
export async function measureWarm(services: readonly ServiceDefinition[], invocations: number): Promise<WarmFigures[]> {
  const out: WarmFigures[] = [];
  const bareDoc = createDocumentClient();
  for (const service of services) {
    const http = await load(service.http);
    const operator = claims('bench-operator', ['operator'], 'D01');
    const event = () =>
      apiEvent({ method: 'GET', path: `/${service.name}/health`, routeKey: `GET /${service.name}/health`, claims: operator });
    const first = (await http(event(), lambdaContext(`${service.name}-http`))) as { statusCode: number; body: string };
    if (first.statusCode !== 200) throw new Error(`${service.name} health: ${first.statusCode} ${first.body}`);
    const figures = await measure(`${service.name}/http`, 'GET health (one GetItem)', invocations, async () => {
      const result = (await http(event(), lambdaContext(`${service.name}-http`))) as { statusCode: number };
      if (result.statusCode !== 200) throw new Error(`${service.name} health: ${result.statusCode}`);
    });
    const table = process.env[`${service.name.toUpperCase()}_TABLE`]!;
    const bare = await measure(`${service.name}/bare`, 'GetItem', invocations, async () => {
      await bareDoc.send(new GetCommand({ TableName: table, Key: { pk: 'HEALTH', sk: 'HEALTH' }, ConsistentRead: true }));
    });
    out.push({ ...figures, bareP50: bare.totalP50, bareP99: bare.totalP99 });

    if (!service.events) continue;
    const subscribed = new Set(service.consumers.subscriptions.flatMap((s) => s.detailTypes.map((d) => `${s.source}|${d}`)));
    const sample = SAMPLE_EVENTS.find((e) => subscribed.has(`${e.definition.source}|${e.definition.detailType}`));
    if (!sample) continue;
    const events = await load(service.events);
    out.push(
      await measure(`${service.name}/events`, `${sample.definition.detailType}, one per batch`, invocations, async (n) => {
        const result = (await events(sqsEvent(sample.definition, sample.data(n + 1000)), lambdaContext(`${service.name}-events`))) as
          | { batchItemFailures?: unknown[] }
          | undefined;
        if (result?.batchItemFailures?.length) throw new Error(`${service.name} events: the record failed`);
      }),
    );
  }
  return out;
}

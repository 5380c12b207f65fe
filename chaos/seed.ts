import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { FaultInjector, type FaultKind } from '../infra/local/faults.ts';
import { startLocalCloud, type LocalCloud } from '../infra/local/runtime.ts';
import { waitFor } from '../infra/local/wait.ts';
import type { BusEvent } from '../kernel/events.ts';
import { SERVICES, tableName } from '../kernel/table.ts';
import { ChaosApi } from './api.ts';
import { check, isSettled, readTables } from './checks.ts';
import { planWorkload, runWorkload } from './workload.ts';

/**
 * One seed of the chaos run: fresh tables, the whole platform in this process (startLocalCloud) with
 * a fault injector drawing from the seed, the seed's workload driven through the gateway while
 * faults happen; then the faults stop, everything drains, the dead-letter queues are re-driven, and
 * the promises are checked (chaos/checks.ts).
 *
 * While the flows run the faults stay on, unless every flow still running waits for a reaction that
 * sits in a dead-letter queue: then, as an operator would, the faults stop and the dead letters are
 * re-driven, and the flows finish.
 */
export interface SeedOptions {
  seed: number;
  probability: number;
  dynamoEndpoint: string;
  /** The tables' stage: reset at the start of the seed (the handler modules read it once per process). */
  stage: string;
  /** Where the local issuer keeps its key. */
  dataDir: string;
}

export interface SeedReport {
  seed: number;
  faults: Record<FaultKind, number>;
  flows: number;
  eventsChecked: number;
  acknowledged: number;
  /** Writes answered 5xx (or not at all) and tried again. */
  retriedAnswers: number;
  deadLetters: number;
  lost: string[];
  doubled: string[];
  /** Flows that did not end as planned, and what was left undelivered. */
  stuck: string[];
  ms: number;
}

export const ok = (report: SeedReport) => report.lost.length + report.doubled.length + report.stuck.length === 0;

const SETTLE_TIMEOUT_MS = 120_000;
const MAX_RECEIVE_COUNT = 2;

export async function runSeed(options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const client = new DynamoDBClient({ endpoint: options.dynamoEndpoint });
  await resetStage(client, options.stage);
  const faults = new FaultInjector({ seed: options.seed, probability: options.probability, enabled: false });
  const cloud = await startLocalCloud({
    dynamoEndpoint: options.dynamoEndpoint,
    stage: options.stage,
    port: 0,
    inMemory: true,
    dataDir: options.dataDir,
    retryDelayMs: (n) => 20 * n,
    // Two deliveries, not the stack's five: at this fault rate dead letters then happen in most seeds.
    maxReceiveCount: MAX_RECEIVE_COUNT,
    scheduleTimers: false,
    faults,
  });
  const published: BusEvent[] = [];
  cloud.bus.onPublish((event) => published.push(event));
  const stuck: string[] = [];
  let deadLetters = 0;
  const api = new ChaosApi(cloud.url, `seed${options.seed}`);
  try {
    const plan = planWorkload(options.seed);
    faults.enable();
    let running = true;
    const work = runWorkload(plan, api, (claims) => cloud.issuer.sign(claims)).finally(() => (running = false));
    const outcome = work.then(
      (result) => result.flows,
      (error: unknown) => {
        stuck.push(...failuresOf(error));
        return 0;
      },
    );
    while (running) {
      await Promise.race([work.catch(() => undefined), pause(100)]);
      if (running && faults.active && api.waiting > 0 && (await onlyDeadLettersLeft(cloud))) {
        faults.disable();
        deadLetters += await cloud.bus.redrive();
      }
    }
    const flows = await outcome;

    faults.disable();
    stuck.push(...(await settle(cloud, published)));
    const letters = await cloud.bus.deadLetters();
    deadLetters += letters.length;
    if (letters.length > 0) {
      await cloud.bus.redrive();
      stuck.push(...(await settle(cloud, published)));
    }
    for (const letter of await cloud.bus.deadLetters()) {
      stuck.push(`${letter.event['detail-type']} is still dead in ${letter.queue} after the faults stopped and it was re-driven`);
    }

    // As the reminders schedule would on its next ticks: whatever e-mail a failed send left pending goes out.
    await cloud.runSchedule('reminders', { time: new Date(Date.now() + 3 * 60_000) });
    const findings = check(await readTables(client, cloud.tables), published, api.acknowledged, await cloud.mailer.sent());
    return {
      seed: options.seed,
      faults: { ...faults.counts },
      flows,
      eventsChecked: findings.eventsChecked,
      acknowledged: findings.acknowledged,
      retriedAnswers: api.failures,
      deadLetters,
      lost: findings.lost,
      doubled: findings.doubled,
      stuck,
      ms: Date.now() - started,
    };
  } finally {
    faults.disable();
    await cloud.stop();
    client.destroy();
  }
}

/** True when the queues hold nothing due or in delivery and at least one message is dead. */
async function onlyDeadLettersLeft(cloud: LocalCloud): Promise<boolean> {
  return (await cloud.bus.isDrained()) && (await cloud.bus.deadLetters()).length > 0;
}

/** Waits until every history item is on the bus and every queue is drained; what is left if that never comes. */
async function settle(cloud: LocalCloud, published: readonly BusEvent[]): Promise<string[]> {
  const client = new DynamoDBClient({ endpoint: cloud.dynamoEndpoint });
  try {
    await waitFor('every history item on the bus and every queue drained', async () => ((await isSettled(client, cloud, published)) ? true : undefined), {
      timeoutMs: SETTLE_TIMEOUT_MS,
      intervalMs: 100,
    });
    return [];
  } catch (error) {
    return [(error as Error).message];
  } finally {
    client.destroy();
  }
}

/** Deletes the stage's tables (the services' and the bus's queues), so a seed starts from nothing. */
export async function resetStage(client: DynamoDBClient, stage: string): Promise<void> {
  const names = [...SERVICES.map((service) => tableName(stage, service)), `five-haves-${stage}-local-queues`];
  await Promise.all(
    names.map(async (name) => {
      try {
        await client.send(new DeleteTableCommand({ TableName: name }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
      await waitFor(`table ${name} to be deleted`, async () => {
        try {
          await client.send(new DescribeTableCommand({ TableName: name }));
          return undefined;
        } catch (error) {
          if (error instanceof ResourceNotFoundException) return true;
          throw error;
        }
      });
    }),
  );
}

function failuresOf(error: unknown): string[] {
  if (error instanceof AggregateError) return error.errors.map((e) => `a flow failed: ${(e as Error)?.message ?? String(e)}`);
  return [`the workload failed: ${(error as Error)?.message ?? String(error)}`];
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

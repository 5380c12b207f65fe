import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { testStage } from '../../test/setup/context.ts';
import { LocalBus, type LocalRule } from './bus.ts';
import { waitFor } from './wait.ts';

/** The local bus on DynamoDB Local: rules, partial batch failures, retries, the DLQ and its redrive. */
const client = new DynamoDBClient({});
let queueTable: string;
let bus: LocalBus | undefined;

beforeAll(async () => {
  queueTable = `five-haves-${testStage()}-local-queues`;
  await LocalBus.createQueueTable(client, queueTable);
});
afterEach(() => bus?.stop());

function rule(name: string, target: LocalRule['target']): LocalRule {
  return { name, pattern: { source: ['five-haves.test'], 'detail-type': ['Poked'] }, functionName: 'test', target };
}

const poke = (n: number) => ({ source: 'five-haves.test', detailType: 'Poked', detail: { n } });

it('a record that keeps failing is delivered maxReceiveCount times, then dead-lettered; a redrive delivers it again', async () => {
  const deliveries: number[] = [];
  let healthy = false;
  bus = new LocalBus({
    client,
    queueTable,
    maxReceiveCount: 3,
    batchSize: 10,
    retryDelayMs: () => 5,
    rules: [
      rule('dlq-test', async (event: SQSEvent) => {
        const failures = event.Records.filter((record) => {
          const n = (JSON.parse(record.body) as { detail: { n: number } }).detail.n;
          deliveries.push(n);
          return n === 2 && !healthy;
        });
        return { batchItemFailures: failures.map((r) => ({ itemIdentifier: r.messageId })) };
      }),
    ],
  });
  bus.start();
  await bus.putEvents([poke(1), poke(2), poke(3)]);

  const letters = await waitFor('the dead letter', async () => {
    const found = await bus!.deadLetters();
    return found.length > 0 ? found : undefined;
  });
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ queue: 'dlq-test', receiveCount: 3, event: { source: 'five-haves.test', 'detail-type': 'Poked', detail: { n: 2 } } });
  expect(deliveries.filter((n) => n === 2)).toHaveLength(3);
  expect(deliveries.filter((n) => n !== 2).sort()).toEqual([1, 3]);

  healthy = true;
  expect(await bus.redrive()).toBe(1);
  await waitFor('the redriven message to be delivered', async () => (deliveries.filter((n) => n === 2).length === 4 ? true : undefined));
  await waitFor('the queue to drain', async () => ((await bus!.isDrained()) ? true : undefined));
  expect(await bus.deadLetters()).toHaveLength(0);
});

it('an event that matches no rule is queued nowhere, and one that matches two rules reaches both', async () => {
  const seen: string[] = [];
  const target = (name: string): LocalRule['target'] => async (event) => {
    seen.push(...event.Records.map(() => name));
    return { batchItemFailures: [] };
  };
  bus = new LocalBus({
    client,
    queueTable,
    maxReceiveCount: 3,
    batchSize: 10,
    rules: [rule('fan-a', target('a')), rule('fan-b', target('b'))],
  });
  bus.start();
  await bus.putEvents([{ source: 'five-haves.other', detailType: 'Poked', detail: {} }, poke(7)]);
  await waitFor('both deliveries', async () => (seen.length === 2 ? true : undefined));
  await waitFor('the queues to drain', async () => ((await bus!.isDrained()) ? true : undefined));
  expect(seen.sort()).toEqual(['a', 'b']);
});

it('a handler that throws fails the whole batch, which is retried', async () => {
  let calls = 0;
  bus = new LocalBus({
    client,
    queueTable,
    maxReceiveCount: 5,
    batchSize: 10,
    retryDelayMs: () => 5,
    rules: [
      rule('throwing', async () => {
        calls += 1;
        if (calls === 1) throw new Error('cold start failed');
        return { batchItemFailures: [] };
      }),
    ],
  });
  bus.start();
  await bus.putEvents([poke(1)]);
  await waitFor('the retry to succeed', async () => (calls >= 2 && (await bus!.isDrained()) ? true : undefined));
  expect(calls).toBe(2);
  expect(await bus.deadLetters()).toHaveLength(0);
});

import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { busEventOf } from '../infra/local/bus.ts';
import { lambdaContext } from '../infra/local/lambda-context.ts';
import { testTable } from '../test/setup/context.ts';
import { eventsHandler } from './consumer.ts';
import { defineEvent, newEvent, type DomainEvent } from './events.ts';
import { defineConsumers } from './service.ts';
import { putNew, Store, type Item } from './store.ts';

/** What a producer publishes; `fail` makes the consumer below throw, as a broken dependency would. */
const ThingCounted = defineEvent({
  source: 'five-haves.producer',
  detailType: 'ThingCounted',
  schemaVersion: 1,
  data: () => z.object({ thingId: z.string(), fail: z._default(z.boolean(), false) }),
});

/** What the consumer emits in reaction. */
const TallyRecorded = defineEvent({
  source: 'five-haves.test',
  detailType: 'TallyRecorded',
  schemaVersion: 1,
  data: () => z.object({ thingId: z.string() }),
});

const store = new Store(testTable('coordination'));

/** Lets concurrent deliveries meet inside `apply`: both past the inbox check, neither committed. */
const meetings = new Map<string, { expected: number; arrived: number; all: Promise<void>; release: () => void }>();
function meetInApply(thingId: string, deliveries: number): void {
  let release = () => undefined as void;
  const all = new Promise<void>((resolve) => (release = resolve));
  meetings.set(thingId, { expected: deliveries, arrived: 0, all, release });
}

const consumers = defineConsumers({ 'test-things': [ThingCounted] });

const handler = eventsHandler({
  service: 'test',
  store,
  consumers,
  reactions: {
    ThingCounted: async ({ thingId, fail }, { cause }) => {
      if (fail) throw new Error(`thing ${thingId} cannot be counted`);
      const meeting = meetings.get(thingId);
      if (meeting) {
        meeting.arrived += 1;
        if (meeting.arrived === meeting.expected) meeting.release();
        await meeting.all;
      }
      const pk = `THING#${thingId}`;
      return {
        writes: [putNew({ pk, sk: 'STATE', itemType: 'tally', count: 1, version: 1 }, `Thing ${thingId} was counted already.`)],
        events: [newEvent(TallyRecorded, pk, { thingId }, cause)],
        note: `thing ${thingId} counted`,
      };
    },
  },
});

function sqsRecord(body: unknown): SQSRecord {
  const messageId = randomUUID();
  const now = String(Date.now());
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: now,
      SenderId: 'AROAEXAMPLE:events',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:five-haves-test-subscription',
    awsRegion: 'us-east-1',
  };
}

const deliver = (...records: SQSRecord[]) =>
  handler({ Records: records } satisfies SQSEvent, lambdaContext('five-haves-test-events'));

function counted(thingId: string, options: { fail?: boolean } = {}): DomainEvent {
  return newEvent(ThingCounted, `THING#${thingId}`, { thingId, fail: options.fail ?? false }, {
    correlationId: `corr-${thingId}`,
    now: new Date().toISOString(),
    actor: { sub: 'five-haves.producer', roles: ['service'] },
  });
}

async function partition(pk: string): Promise<Item[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as Item[];
}

/** What applying `event` left in the table: state, history and inbox items. */
async function traces(thingId: string, event: DomainEvent) {
  const thing = await partition(`THING#${thingId}`);
  return {
    state: thing.filter((item) => item.sk === 'STATE').length,
    history: thing.filter((item) => item.sk.startsWith('HISTORY#')).length,
    inbox: (await partition(`INBOX#${event.detail.metadata.eventId}`)).length,
  };
}

describe('the events handler', () => {
  it('applies an event once: one state item, one history item, one inbox item', async () => {
    const thingId = ulid();
    const event = counted(thingId);

    const response = await deliver(sqsRecord(busEventOf(event)));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await traces(thingId, event)).toEqual({ state: 1, history: 1, inbox: 1 });
  });

  it('the same event delivered twice is applied once; the second delivery succeeds and writes nothing', async () => {
    const thingId = ulid();
    const event = counted(thingId);
    await deliver(sqsRecord(busEventOf(event)));
    const before = await partition(`THING#${thingId}`);

    const second = await deliver(sqsRecord(busEventOf(event)));

    expect(second).toEqual({ batchItemFailures: [] });
    expect(await partition(`THING#${thingId}`)).toEqual(before);
    expect(await traces(thingId, event)).toEqual({ state: 1, history: 1, inbox: 1 });
  });

  it('the reaction’s events are caused by the consumed event and keep its correlation id', async () => {
    const thingId = ulid();
    const event = counted(thingId);

    await deliver(sqsRecord(busEventOf(event)));

    const [history] = (await partition(`THING#${thingId}`)).filter((item) => item.sk.startsWith('HISTORY#'));
    expect(JSON.parse(history!.detail as string).metadata).toMatchObject({
      causationId: event.detail.metadata.eventId,
      correlationId: `corr-${thingId}`,
      actor: { sub: 'five-haves.test', roles: ['service'] },
    });
  });

  it('a record that fails is reported in batchItemFailures while the others in the batch are applied', async () => {
    const [ok1, bad, ok2] = [ulid(), ulid(), ulid()];
    const events = { ok1: counted(ok1), bad: counted(bad, { fail: true }), ok2: counted(ok2) };
    const records = [sqsRecord(busEventOf(events.ok1)), sqsRecord(busEventOf(events.bad)), sqsRecord(busEventOf(events.ok2))];

    const response = await deliver(...records);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]!.messageId }] });
    expect([await traces(ok1, events.ok1), await traces(bad, events.bad), await traces(ok2, events.ok2)]).toEqual([
      { state: 1, history: 1, inbox: 1 },
      { state: 0, history: 0, inbox: 0 },
      { state: 1, history: 1, inbox: 1 },
    ]);
  });

  it('an event the service has no consumer for is reported as failed, not dropped', async () => {
    const stranger = { ...busEventOf(counted(ulid())), 'detail-type': 'SomethingElse' };
    const record = sqsRecord(stranger);

    const response = await deliver(record, sqsRecord(busEventOf(counted(ulid()))));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
  });

  it('a message that is not an EventBridge event is reported as failed', async () => {
    const record = sqsRecord('{"not":"an event"}');

    const response = await deliver(record, sqsRecord(busEventOf(counted(ulid()))));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
  });

  it('two concurrent deliveries of one event apply it once', async () => {
    const thingId = ulid();
    const event = counted(thingId);
    meetInApply(thingId, 2);

    // Whatever each invocation answers (see the next test), the table must show one application.
    await Promise.allSettled([deliver(sqsRecord(busEventOf(event))), deliver(sqsRecord(busEventOf(event)))]);

    expect(await traces(thingId, event)).toEqual({ state: 1, history: 1, inbox: 1 });
  });

  // Known defect (see the report and kernel/store.test.ts): the loser's transaction fails on its
  // state write and on the inbox guard; commit() maps the state write's 409, so the duplicate is
  // reported for retry (a one-record batch: the whole invocation fails) and logged as an error
  // instead of being absorbed. Drop `.fails` once commit() checks the guards first.
  it('the losing one of two concurrent deliveries is absorbed, not reported for retry', async () => {
    const thingId = ulid();
    const event = counted(thingId);
    meetInApply(thingId, 2);

    const outcomes = await Promise.allSettled([
      deliver(sqsRecord(busEventOf(event))),
      deliver(sqsRecord(busEventOf(event))),
    ]);

    expect(outcomes).toEqual([
      { status: 'fulfilled', value: { batchItemFailures: [] } },
      { status: 'fulfilled', value: { batchItemFailures: [] } },
    ]);
  });
});

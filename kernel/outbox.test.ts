import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { matches, type Pattern } from '../infra/local/pattern.ts';
import { waitFor } from '../infra/local/wait.ts';
import { testTable } from '../test/setup/context.ts';
import { defineEvent, newEvent, type DomainEvent } from './events.ts';
import { pipeFilterPattern, toBusEntries } from './outbox.ts';
import { putNew, Store } from './store.ts';

const RoomBooked = defineEvent({
  source: 'five-haves.test',
  detailType: 'RoomBooked',
  schemaVersion: 1,
  data: () => z.object({ roomId: z.string(), from: z.iso.datetime() }),
});

const store = new Store(testTable('premises'));
const streams = new DynamoDBStreamsClient({});
afterAll(() => streams.destroy());

/**
 * The table's stream records, as the Pipe hands them to the enrichment (JSON, so dates are text),
 * read from the beginning of every shard until `done` is satisfied.
 */
async function streamRecords(done: (records: StreamRecord[]) => boolean): Promise<StreamRecord[]> {
  const { Table } = await store.doc.send(new DescribeTableCommand({ TableName: store.tableName }));
  const streamArn = Table!.LatestStreamArn!;
  return waitFor('the commit to reach the table’s stream', async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const records: StreamRecord[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator: iterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        records.push(...(page.Records ?? []));
        if (!page.Records?.length) break;
        iterator = page.NextShardIterator;
      }
    }
    const asPipeSeesThem = JSON.parse(JSON.stringify(records)) as StreamRecord[];
    return done(asPipeSeesThem) ? asPipeSeesThem : undefined;
  });
}

const imageOf = (record: StreamRecord) => record.dynamodb?.NewImage as Record<string, { S?: string }> | undefined;

describe('from the stream to the bus', () => {
  let event: DomainEvent;
  let historyRecord: StreamRecord;
  let stateRecord: StreamRecord;

  beforeAll(async () => {
    const room = `ROOM#${ulid()}`;
    event = newEvent(RoomBooked, room, { roomId: room, from: '2025-05-01T09:00:00.000Z' }, {
      correlationId: 'corr-outbox',
      now: new Date().toISOString(),
      actor: { sub: 'official-1', roles: ['street-official'] },
    });
    await store.commit({ writes: [putNew({ pk: room, sk: 'STATE', itemType: 'room', version: 1 }, 'exists')], events: [event] });
    const ofRoom = (records: StreamRecord[]) => records.filter((r) => imageOf(r)?.pk?.S === room);
    const records = ofRoom(await streamRecords((all) => ofRoom(all).length === 2));
    historyRecord = records.find((r) => imageOf(r)?.itemType?.S === 'history')!;
    stateRecord = records.find((r) => imageOf(r)?.itemType?.S === 'room')!;
  });

  it('the Pipe’s filter lets the inserted history item through and holds back the state item', () => {
    const filter = pipeFilterPattern as unknown as Pattern;

    expect([matches(filter, historyRecord), matches(filter, stateRecord)]).toEqual([true, false]);
  });

  it('toBusEntries turns a real history stream record into the event: source, detail-type and detail as an object', () => {
    expect(toBusEntries([historyRecord as Parameters<typeof toBusEntries>[0][number]])).toEqual([
      { source: 'five-haves.test', detailType: 'RoomBooked', detail: event.detail },
    ]);
  });

  it('a history record without its event fails the whole batch instead of dropping it', () => {
    const corrupt = structuredClone(historyRecord) as { dynamodb: { NewImage: Record<string, { S?: string } | undefined> } };
    delete corrupt.dynamodb.NewImage.detail;

    expect(() => toBusEntries([corrupt])).toThrow(/history item without eventSource, detailType or detail/);
  });
});

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  TrimmedDataAccessException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { BusEntry } from '../../kernel/outbox.ts';
import { pipeFilterPattern } from '../../kernel/outbox.ts';
import { InjectedFault, type FaultPoints } from './faults.ts';
import { matches } from './pattern.ts';

/** Where each shard of each stream was read up to; kept on disk so a restart resumes there. */
type Checkpoints = Record<string, Record<string, { sequenceNumber?: string; closed?: boolean }>>;

export interface RelayOptions {
  client: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  tables: readonly string[];
  /** The Pipe's enrichment: the same function the stack deploys. */
  enrich: (records: StreamRecord[]) => Promise<BusEntry[]>;
  /** The Pipe's target: resolves once the bus has accepted the entries. */
  publish: (entries: BusEntry[]) => Promise<void>;
  /** A JSON file for shard positions; in memory when absent. */
  checkpointFile?: string;
  pollIntervalMs?: number;
  /** The local fault injector: crashes between reading and forwarding, or before saving the position. */
  faults?: Pick<FaultPoints, 'relay'>;
}

/**
 * The local EventBridge Pipe: reads each table's DynamoDB stream, keeps the records that match the
 * Pipe's filter (history items, inserted), runs the Pipe's enrichment and hands the result to the
 * bus. A shard position is saved only after the bus accepted the batch: a crash replays at most that
 * batch, and the consumers' inbox absorbs the replay.
 */
export class StreamRelay {
  private checkpoints: Checkpoints = {};
  private stopped = true;
  private loops: Promise<void>[] = [];
  private readonly iterators = new Map<string, string>();
  private saving: Promise<void> = Promise.resolve();
  forwarded = 0;

  constructor(private readonly options: RelayOptions) {}

  async start(): Promise<void> {
    if (this.options.checkpointFile) {
      try {
        this.checkpoints = JSON.parse(await readFile(this.options.checkpointFile, 'utf8')) as Checkpoints;
      } catch {
        this.checkpoints = {};
      }
    }
    this.stopped = false;
    this.loops = this.options.tables.map((table) => this.follow(table));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
    await this.saving;
  }

  private async follow(table: string): Promise<void> {
    const described = await this.options.client.send(new DescribeTableCommand({ TableName: table }));
    const streamArn = described.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${table} has no stream: the relay has nothing to follow`);
    const positions = (this.checkpoints[streamArn] ??= {});
    let idle = 25;
    while (!this.stopped) {
      let progressed = false;
      try {
        const shards = await this.shards(streamArn);
        const known = new Set(shards.map((s) => s.ShardId));
        for (const shard of shards) {
          const id = shard.ShardId!;
          if (positions[id]?.closed) continue;
          // Children wait for their parent to be read to its end, to keep the order of changes.
          const parent = shard.ParentShardId;
          if (parent && known.has(parent) && !positions[parent]?.closed) continue;
          progressed = (await this.drain(streamArn, id, positions)) || progressed;
        }
      } catch (error) {
        if (this.stopped) break;
        // An injected crash is expected; the next poll resumes from the saved position.
        if (!(error instanceof InjectedFault)) console.error(`[relay] ${table}:`, error);
      }
      // Idle polls back off from 25 ms to the poll interval; any record brings it back to 25 ms.
      idle = progressed ? 25 : Math.min(idle * 2, this.options.pollIntervalMs ?? 200);
      if (!progressed) await delay(idle);
    }
  }

  private async shards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await this.options.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      shards.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  /** Reads one shard until it has nothing more now; true if anything was read. */
  private async drain(
    streamArn: string,
    shardId: string,
    positions: Checkpoints[string],
  ): Promise<boolean> {
    const key = `${streamArn}|${shardId}`;
    let progressed = false;
    while (!this.stopped) {
      const iterator = this.iterators.get(key) ?? (await this.iterator(streamArn, shardId, positions[shardId]?.sequenceNumber));
      this.iterators.delete(key);
      let out;
      try {
        out = await this.options.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      } catch (error) {
        // Expired, or (DynamoDB Local) trimmed: start again from the saved position on the next poll.
        if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) return progressed;
        throw error;
      }
      const records = out.Records ?? [];
      if (records.length > 0) {
        this.options.faults?.relay('relay-before-forward');
        const wanted = records.filter((record) => matches(pipeFilterPattern, record));
        if (wanted.length > 0) {
          await this.options.publish(await this.options.enrich(wanted));
          this.forwarded += wanted.length;
        }
        this.options.faults?.relay('relay-before-checkpoint');
        positions[shardId] = { sequenceNumber: records.at(-1)!.dynamodb!.SequenceNumber! };
        await this.save();
        progressed = true;
      }
      if (!out.NextShardIterator) {
        positions[shardId] = { ...positions[shardId], closed: true };
        await this.save();
        return progressed;
      }
      // DynamoDB Local hands out a next iterator after an empty read that points before the shard's
      // first record (TrimmedDataAccessException on use); after an empty read the next poll asks
      // for a fresh iterator from the saved position instead.
      if (records.length === 0) return progressed;
      this.iterators.set(key, out.NextShardIterator);
    }
    return progressed;
  }

  private async iterator(streamArn: string, shardId: string, after?: string): Promise<string> {
    const out = await this.options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator!;
  }

  private save(): Promise<void> {
    const file = this.options.checkpointFile;
    if (!file) return Promise.resolve();
    const snapshot = JSON.stringify(this.checkpoints);
    // Saves are chained so an older snapshot never overwrites a newer one.
    this.saving = this.saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      await writeFile(temporary, snapshot);
      await rename(temporary, file);
    });
    return this.saving;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

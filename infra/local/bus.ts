import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ulid } from 'ulid';
import type { BusEvent } from '../../kernel/events.ts';
import type { BusEntry } from '../../kernel/outbox.ts';
import { onlyInjected, type FaultPoints } from './faults.ts';
import { lambdaContext } from './lambda-context.ts';
import { matches, type Pattern } from './pattern.ts';

export type EventsFunction = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

/** A rule on the bus and the queue behind it (one per subscription, as in the stack). */
export interface LocalRule {
  name: string;
  pattern: Pattern;
  functionName: string;
  target: EventsFunction;
}

export interface DeadLetter {
  queue: string;
  messageId: string;
  receiveCount: number;
  failedAt: string;
  event: BusEvent;
}

interface QueuedMessage {
  pk: string;
  sk: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
}

export interface BusOptions {
  client: DynamoDBClient;
  /** The local runtime's own table holding queues and dead-letter queues, so a restart loses nothing. */
  queueTable: string;
  rules: LocalRule[];
  /** Deliveries before a message goes to the dead-letter queue (the stack's maxReceiveCount). */
  maxReceiveCount: number;
  batchSize: number;
  /** Delay before the n-th retry: the local stand-in for the visibility timeout. */
  retryDelayMs?: (receiveCount: number) => number;
  /**
   * Copies of each event put in each matching queue (a number, or one per event and queue). SQS
   * delivers at least once; more than one copy makes the duplicates happen every time, to prove the
   * consumers absorb them.
   */
  copies?: number | ((event: BusEvent, queue: string) => number);
  /**
   * Awaited before each delivery. With a gate, every due message is delivered on its own and all of
   * them at once, so whoever opens the gates (a fast-check scheduler in a test) chooses the order in
   * which the consumers see them, across queues and within one.
   */
  gate?: (delivery: { queue: string; events: BusEvent[] }) => Promise<void>;
  /** The local fault injector: a delivered batch whose acknowledgement is lost comes back. */
  faults?: Pick<FaultPoints, 'ackLost'>;
  account?: string;
  region?: string;
}

const queueKey = (name: string) => `QUEUE#${name}`;
const deadLetterKey = (name: string) => `DLQ#${name}`;

/**
 * An entry of PutEvents as EventBridge hands it to a rule's target (the SQS message body): the
 * envelope around `detail`. The local bus delivers every event in it; tests and the benchmark use it
 * to hand a consumer an event as the cloud would.
 */
export function busEventOf(
  entry: BusEntry,
  envelope: { id?: string; time?: string; account?: string | undefined; region?: string | undefined } = {},
): BusEvent {
  return {
    version: '0',
    id: envelope.id ?? randomUUID(),
    'detail-type': entry.detailType,
    source: entry.source,
    account: envelope.account ?? '000000000000',
    time: envelope.time ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: envelope.region ?? process.env.AWS_REGION ?? 'us-east-1',
    resources: [],
    detail: entry.detail,
  };
}

/**
 * The local EventBridge bus with its rules and SQS queues: each published event is written to the
 * queue of every rule that matches it (durably, in DynamoDB Local), then delivered to the rule's
 * function as an SQS batch; failed records (partial batch failure) come back after a growing delay
 * and go to the dead-letter queue after `maxReceiveCount` deliveries.
 */
export class LocalBus {
  private readonly doc: DynamoDBDocumentClient;
  private readonly pumps = new Map<string, Promise<void>>();
  private readonly wakers = new Map<string, () => void>();
  private readonly listeners: Array<(event: BusEvent) => void> = [];
  private readonly busy = new Set<string>();
  private readonly woken = new Set<string>();
  private stopped = true;

  constructor(private readonly options: BusOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client);
  }

  static async createQueueTable(client: DynamoDBClient, tableName: string): Promise<void> {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    for (;;) {
      const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (out.Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every event the bus accepts, for taps (tests, the demo). */
  onPublish(listener: (event: BusEvent) => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** PutEvents: when this resolves, the event is in every matching rule's queue. */
  async putEvents(entries: readonly BusEntry[]): Promise<void> {
    for (const entry of entries) {
      const event = busEventOf(entry, { account: this.options.account, region: this.options.region });
      const targets = this.options.rules.filter((rule) => matches(rule.pattern, event));
      const body = JSON.stringify(event);
      for (const rule of targets) {
        const { copies = 1 } = this.options;
        const count = typeof copies === 'number' ? copies : copies(event, rule.name);
        for (let copy = 0; copy < count; copy += 1) {
          const now = Date.now();
          await this.doc.send(
            new PutCommand({
              TableName: this.options.queueTable,
              Item: { pk: queueKey(rule.name), sk: ulid(now), body, receiveCount: 0, visibleAt: now, sentAt: now },
            }),
          );
        }
      }
      for (const listener of this.listeners) listener(event);
      for (const rule of targets) this.wake(rule.name);
    }
  }

  start(): void {
    this.stopped = false;
    for (const rule of this.options.rules) this.pumps.set(rule.name, this.pump(rule));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const rule of this.options.rules) this.wake(rule.name);
    await Promise.all(this.pumps.values());
    this.pumps.clear();
  }

  /** True when no queue holds a message that is due or being delivered. */
  async isDrained(): Promise<boolean> {
    if (this.busy.size > 0) return false;
    for (const rule of this.options.rules) {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.options.queueTable,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': queueKey(rule.name) },
          ConsistentRead: true,
          Limit: 1,
        }),
      );
      if ((out.Items?.length ?? 0) > 0) return false;
    }
    return true;
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for (const rule of this.options.rules) {
      for (const item of await this.all(deadLetterKey(rule.name))) {
        letters.push({
          queue: rule.name,
          messageId: item.sk,
          receiveCount: item.receiveCount,
          failedAt: new Date(item.visibleAt).toISOString(),
          event: JSON.parse(item.body) as BusEvent,
        });
      }
    }
    return letters;
  }

  /** Move every dead letter back to its queue with a fresh receive count (SQS's DLQ redrive). */
  async redrive(): Promise<number> {
    let moved = 0;
    for (const rule of this.options.rules) {
      for (const item of await this.all(deadLetterKey(rule.name))) {
        const now = Date.now();
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: this.options.queueTable, Key: { pk: item.pk, sk: item.sk } } },
              {
                Put: {
                  TableName: this.options.queueTable,
                  Item: { pk: queueKey(rule.name), sk: ulid(now), body: item.body, receiveCount: 0, visibleAt: now, sentAt: now },
                },
              },
            ],
          }),
        );
        moved += 1;
      }
      this.wake(rule.name);
    }
    return moved;
  }

  private async all(pk: string): Promise<QueuedMessage[]> {
    const items: QueuedMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.options.queueTable,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...((out.Items ?? []) as QueuedMessage[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async pump(rule: LocalRule): Promise<void> {
    while (!this.stopped) {
      let nextDue = Number.POSITIVE_INFINITY;
      this.woken.delete(rule.name);
      try {
        const now = Date.now();
        const waiting = await this.all(queueKey(rule.name));
        const due = waiting.filter((m) => m.visibleAt <= now).slice(0, this.options.batchSize);
        for (const m of waiting) if (m.visibleAt > now) nextDue = Math.min(nextDue, m.visibleAt);
        if (due.length > 0) {
          this.busy.add(rule.name);
          try {
            if (this.options.gate) await Promise.all(due.map((message) => this.deliver(rule, [message])));
            else await this.deliver(rule, due);
          } finally {
            this.busy.delete(rule.name);
          }
          continue;
        }
      } catch (error) {
        console.error(`[bus] queue ${rule.name}:`, error);
        nextDue = Date.now() + 1000;
      }
      await this.sleep(rule.name, Math.min(Math.max(nextDue - Date.now(), 5), 1000));
    }
  }

  private wake(queue: string): void {
    this.woken.add(queue);
    this.wakers.get(queue)?.();
  }

  private sleep(queue: string, ms: number): Promise<void> {
    if (this.stopped || this.woken.delete(queue)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakers.set(queue, done);
    });
  }

  private async deliver(rule: LocalRule, messages: QueuedMessage[]): Promise<void> {
    const queueArn = `arn:aws:sqs:local:000000000000:${rule.name}`;
    // The receive is counted before delivery, so a message that crashes the process still ends in the DLQ.
    for (const m of messages) {
      m.receiveCount += 1;
      await this.doc.send(
        new UpdateCommand({
          TableName: this.options.queueTable,
          Key: { pk: m.pk, sk: m.sk },
          UpdateExpression: 'SET receiveCount = :n',
          ExpressionAttributeValues: { ':n': m.receiveCount },
        }),
      );
    }
    const records: SQSRecord[] = messages.map((m) => ({
      messageId: m.sk,
      receiptHandle: `${m.sk}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'events.amazonaws.com',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: process.env.AWS_REGION ?? 'us-east-1',
    }));
    await this.options.gate?.({ queue: rule.name, events: messages.map((m) => JSON.parse(m.body) as BusEvent) });
    let failed: Set<string>;
    try {
      const result = await rule.target({ Records: records }, lambdaContext(rule.functionName));
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // Faults injected on purpose are counted by the injector; anything else is worth a stack trace.
      if (!onlyInjected(error)) console.error(`[bus] ${rule.functionName} failed the whole batch from ${rule.name}:`, error);
      failed = new Set(messages.map((m) => m.sk));
    }
    // The function ran, but its answer never reached the queue: every message of the batch comes back.
    if (this.options.faults?.ackLost(rule.name)) failed = new Set(messages.map((m) => m.sk));
    for (const m of messages) {
      const key = { pk: m.pk, sk: m.sk };
      if (!failed.has(m.sk)) {
        await this.doc.send(new DeleteCommand({ TableName: this.options.queueTable, Key: key }));
      } else if (m.receiveCount >= this.options.maxReceiveCount) {
        const now = Date.now();
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: this.options.queueTable, Key: key } },
              {
                Put: {
                  TableName: this.options.queueTable,
                  Item: { ...m, pk: deadLetterKey(rule.name), visibleAt: now },
                },
              },
            ],
          }),
        );
        console.error(`[bus] message ${m.sk} moved to the dead-letter queue of ${rule.name} after ${m.receiveCount} deliveries`);
      } else {
        const delay = (this.options.retryDelayMs ?? defaultRetryDelay)(m.receiveCount);
        await this.doc.send(
          new UpdateCommand({
            TableName: this.options.queueTable,
            Key: key,
            UpdateExpression: 'SET visibleAt = :at',
            ExpressionAttributeValues: { ':at': Date.now() + delay },
          }),
        );
      }
    }
  }
}

/** 200 ms, 400 ms, 800 ms … up to 30 s. */
export function defaultRetryDelay(receiveCount: number): number {
  return Math.min(200 * 2 ** (receiveCount - 1), 30_000);
}

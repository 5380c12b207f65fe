import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from './errors.ts';
import type { DomainEvent } from './events.ts';
import type { Item, Page, TableAccess } from './cursor.ts';
import { rangePage } from './range-page.ts';
import { inUnitOfWork, retryingConflicts } from './retry.ts';

export type { Item, Page } from './cursor.ts';
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write inside a commit, with the sentence a caller sees (409) when its condition fails. */
export interface Write {
  item: TransactItem;
  conflict: string;
}

/** A state change: state writes plus the domain events it caused, committed in one transaction. */
export interface Commit {
  writes: Write[];
  events: DomainEvent[];
}

/** Put an item that must not exist yet (create). */
export function putNew(item: Item, conflict: string): Write {
  return {
    item: { Put: { TableName: '', Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    conflict,
  };
}

/**
 * Replace a versioned item only if nobody changed it since it was read (optimistic concurrency):
 * `next.version` must be `expectedVersion + 1`.
 */
export function putVersioned(next: Item & { version: number }, conflict: string): Write {
  return {
    item: {
      Put: {
        TableName: '',
        Item: next,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': next.version - 1 },
      },
    },
    conflict,
  };
}

export const keys = {
  inbox: (eventId: string) => ({ pk: `INBOX#${eventId}`, sk: 'INBOX' }),
  idempotency: (sub: string, key: string) => ({ pk: `IDEMPOTENCY#${sub}#${key}`, sk: 'IDEMPOTENCY' }),
  history: (aggregate: string, occurredAt: string, eventId: string) => ({
    pk: aggregate,
    sk: `HISTORY#${occurredAt}#${eventId}`,
  }),
};

/** The history item is the audit record and the outbox: the Pipe forwards exactly these. */
export function historyItem(event: DomainEvent): Item {
  const { eventId, occurredAt, correlationId, actor } = event.detail.metadata;
  return {
    ...keys.history(event.aggregate, occurredAt, eventId),
    itemType: 'history',
    eventSource: event.source,
    detailType: event.detailType,
    detail: JSON.stringify(event.detail),
    eventId,
    occurredAt,
    correlationId,
    actorSub: actor.sub,
  };
}

/** The event being consumed was already applied: the inbox guard caught a redelivery. */
export class DuplicateDeliveryError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} was already applied`);
  }
}

/** The idempotency key was committed by an earlier (or concurrent) request. */
export class IdempotentReplayError extends Error {}

/**
 * The answer as it is kept under an Idempotency-Key: status, body and the handler's own headers (a
 * refusal a handler answers itself, such as a blocked work item, is problem+json on a retry too).
 */
export interface StoredResponse {
  statusCode: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface IdempotencyRecord {
  sub: string;
  key: string;
  requestHash: string;
  response: StoredResponse;
}

export interface CommitGuards {
  /** For consumers: `INBOX#<eventId>` is written with attribute_not_exists in the same transaction. */
  inbox?: { eventId: string; source: string; detailType: string; now: string };
  /** For creating requests with an Idempotency-Key: the response is stored with the change. */
  idempotency?: IdempotencyRecord & { now: string };
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The document client a Store uses unless given one: the SDK's defaults, undefined attributes left out. */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** A service's access to its own table. Nothing else in a service talks to DynamoDB. */
export class Store implements TableAccess {
  constructor(
    readonly tableName: string,
    readonly doc: DynamoDBDocumentClient = createDocumentClient(),
  ) {}

  /** Reads asked for in the same turn of the event loop, not yet sent. */
  private gathering: Array<{ key: { pk: string; sk: string }; resolve: (item: Item | undefined) => void; reject: (error: unknown) => void }> | undefined;

  /**
   * The item at a key, read consistently. Reads asked for in the same turn (`Promise.all` of two
   * stores' gets, a batch's inbox checks) go as one BatchGetItem: one round trip, the same read
   * units; a read alone is a GetItem.
   */
  get<T extends Item>(key: { pk: string; sk: string }): Promise<T | undefined> {
    return new Promise<Item | undefined>((resolve, reject) => {
      if (!this.gathering) {
        this.gathering = [];
        queueMicrotask(() => void this.sendGathered());
      }
      this.gathering.push({ key: { pk: key.pk, sk: key.sk }, resolve, reject });
    }) as Promise<T | undefined>;
  }

  private async sendGathered(): Promise<void> {
    const reads = this.gathering ?? [];
    this.gathering = undefined;
    try {
      if (reads.length === 1) {
        const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: reads[0]!.key, ConsistentRead: true }));
        reads[0]!.resolve(out.Item as Item | undefined);
        return;
      }
      const id = (key: { pk: unknown; sk: unknown }) => `${String(key.pk)}\u0000${String(key.sk)}`;
      const found = new Map((await this.batchGet(reads.map((r) => r.key))).map((item) => [id(item), item]));
      for (const read of reads) read.resolve(found.get(id(read.key)));
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }

  async hasApplied(eventId: string): Promise<boolean> {
    return (await this.get(keys.inbox(eventId))) !== undefined;
  }

  async idempotencyRecord(sub: string, key: string): Promise<IdempotencyRecord | undefined> {
    // DynamoDB deletes expired items only eventually; an expired record no longer counts.
    const item = await this.get<Item & IdempotencyRecord & { expiresAt: number }>(keys.idempotency(sub, key));
    if (!item || item.expiresAt * 1000 < Date.now()) return undefined;
    return { sub: item.sub, key: item.key, requestHash: item.requestHash, response: item.response };
  }

  /** Consistent reads of these keys by BatchGetItem, 100 keys a call; unprocessed keys asked again with a back-off. */
  private async batchGet(keys: ReadonlyArray<{ pk: string; sk: string }>): Promise<Item[]> {
    const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
    const items: Item[] = [];
    for (let start = 0; start < unique.length; start += 100) {
      let pending: Array<Record<string, unknown>> = unique.slice(start, start + 100);
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        if (attempt > 8) throw new Error(`${pending.length} keys stayed unprocessed after 8 reads`);
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
        const out = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
        items.push(...((out.Responses?.[this.tableName] ?? []) as Item[]));
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return items;
  }

  /**
   * State, history items and guards in one TransactWriteItems: all or nothing. A failed condition
   * becomes the write's own 409, the inbox guard a DuplicateDeliveryError, the idempotency guard an
   * IdempotentReplayError; anything else (throttling, a transaction conflict) is rethrown for retry.
   * A pure TransactionConflict is retried (kernel/retry.ts): by the unit of work around this commit,
   * which reads and decides again, or, outside one, by sending the same transaction again.
   */
  async commit(commit: Commit, guards: CommitGuards = {}): Promise<void> {
    const writes: Write[] = [
      ...commit.writes,
      ...commit.events.map((event) => putNew(historyItem(event), `event ${event.detail.metadata.eventId} exists`)),
    ];
    const guardStart = writes.length;
    if (guards.inbox) {
      const { eventId, source, detailType, now } = guards.inbox;
      writes.push(
        putNew({ ...keys.inbox(eventId), itemType: 'inbox', source, detailType, appliedAt: now }, 'duplicate'),
      );
    }
    if (guards.idempotency) {
      const { sub, key, requestHash, response, now } = guards.idempotency;
      writes.push(
        putNew(
          {
            ...keys.idempotency(sub, key),
            itemType: 'idempotency',
            sub,
            key,
            requestHash,
            response,
            createdAt: now,
            expiresAt: Math.floor(Date.parse(now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          'replay',
        ),
      );
    }
    if (writes.length === 0) return;
    if (writes.length > 100) throw new Error(`a commit of ${writes.length} writes exceeds DynamoDB's 100`);
    const TransactItems = writes.map(({ item }) => withTable(item, this.tableName));
    try {
      const send = () => this.doc.send(new TransactWriteCommand({ TransactItems }));
      await (inUnitOfWork() ? send() : retryingConflicts(send));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failedAt = (index: number) => reasons[index]?.Code === 'ConditionalCheckFailed';
      // DynamoDB reports every failed condition; the guards speak first, since a redelivery or a
      // replay usually fails the state writes' conditions too.
      if (guards.inbox && failedAt(guardStart)) throw new DuplicateDeliveryError(guards.inbox.eventId);
      if (guards.idempotency && failedAt(guardStart + (guards.inbox ? 1 : 0))) {
        throw new IdempotentReplayError('idempotency key already used');
      }
      const failed = reasons.findIndex((_, index) => failedAt(index));
      if (failed < 0) throw error;
      throw new ConflictError(writes[failed]!.conflict);
    }
  }

  /** One page of a partition (table or gsi1), newest first unless `ascending`: `rangePage` without a slice. */
  async page<T extends Item>(query: {
    index?: 'gsi1';
    partition: string;
    limit: number;
    cursor?: string;
    ascending?: boolean;
  }): Promise<Page<T>> {
    return rangePage<T>(this, query);
  }

}

function withTable(item: TransactItem, tableName: string): TransactItem {
  const [kind, body] = Object.entries(item)[0] as [keyof TransactItem, Record<string, unknown>];
  return { [kind]: { ...body, TableName: tableName } } as TransactItem;
}

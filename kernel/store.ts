import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { BadRequestError, ConflictError } from './errors.ts';
import type { DomainEvent } from './events.ts';
import { rangePage } from './range-page.ts';
import { inUnitOfWork, retryingConflicts } from './retry.ts';

export type Item = Record<string, unknown> & { pk: string; sk: string };
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

export interface Page<T> {
  items: T[];
  cursor?: string;
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export function createDocumentClient(): DynamoDBDocumentClient {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  madeClients.add(new WeakRef(doc));
  for (const instrument of instruments) instrument.attach(doc);
  return doc;
}

/** Something that adds to (and later takes from) a client's middleware stack: an observer, a fault injector. */
export interface ClientInstrument {
  attach(doc: DynamoDBDocumentClient): void;
  detach(doc: DynamoDBDocumentClient): void;
}

const instruments = new Set<ClientInstrument>();
const madeClients = new Set<WeakRef<DynamoDBDocumentClient>>();

/**
 * Instruments every document client `createDocumentClient` made or will make, until the returned
 * function is called. The handler modules build their stores when they are imported, so whoever
 * hosts them (the local runtime's fault injector, infra/local/faults.ts) reaches their clients here,
 * and nothing in a handler knows it is being watched.
 */
export function instrumentDocumentClients(instrument: ClientInstrument): () => void {
  instruments.add(instrument);
  for (const doc of liveClients()) instrument.attach(doc);
  return () => {
    if (!instruments.delete(instrument)) return;
    for (const doc of liveClients()) instrument.detach(doc);
  };
}

function liveClients(): DynamoDBDocumentClient[] {
  const live: DynamoDBDocumentClient[] = [];
  for (const ref of madeClients) {
    const doc = ref.deref();
    if (doc) live.push(doc);
    else madeClients.delete(ref);
  }
  return live;
}

/** A service's access to its own table. Nothing else in a service talks to DynamoDB. */
export class Store {
  constructor(
    readonly tableName: string,
    readonly doc: DynamoDBDocumentClient = createDocumentClient(),
  ) {}

  async get<T extends Item>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return out.Item as T | undefined;
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

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor is opaque to clients but checked here: it must be a key of the partition being listed. */
export function decodeCursor(cursor: string, partitionKey: string, partition: string): Record<string, string> {
  const invalid = new BadRequestError('The cursor is not one this list returned.', [
    { field: 'query.cursor', message: 'not a cursor of this list' },
  ]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid;
  const entries = Object.entries(key);
  const allowed = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
  if (entries.length > 4 || entries.some(([name, value]) => !allowed.has(name) || typeof value !== 'string')) {
    throw invalid;
  }
  if ((key as Record<string, string>)[partitionKey] !== partition) throw invalid;
  return key as Record<string, string>;
}

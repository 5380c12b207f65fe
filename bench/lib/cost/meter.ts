import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Invocation, InvocationObserver } from '../../../infra/local/runtime.ts';

/**
 * The bench's cost meter: what each invocation of a hosted handler sends to DynamoDB, observed on
 * the document clients' own middleware stacks (infra/local/runtime.ts `observer`), never by a branch
 * in a handler. Each call asks for `ReturnConsumedCapacity: 'TOTAL'` (DynamoDB Local reports it);
 * the figures are kept per invocation, which the runtime's `around` delimits.
 */

/** What one invocation (or one operation, summed) cost in DynamoDB and in events. */
export interface CallFigures {
  /** Round trips by DynamoDB operation: GetItem, Query, BatchGetItem, TransactWriteItems … */
  calls: Record<string, number>;
  /** Read request units and write request units, as DynamoDB reported them. */
  rru: number;
  wru: number;
  /** Items a write put, updated or deleted (condition checks not counted). */
  itemsWritten: number;
  /** History items written: the outbox rows the Pipe forwards, one bus event each. */
  eventsEmitted: number;
}

export interface InvocationRecord {
  kind: Invocation['kind'];
  service: string;
  /** http: the route key (`POST /coordination/issues`); events: the batch's detail types, sorted, `+`-joined; schedule: the service. */
  name: string;
  /** The correlation ids the invocation carried (a request's header, the events' metadata). */
  correlationIds: string[];
  /** Records in the batch (1 for http and schedule). */
  records: number;
  /** http: the answer's status. */
  status?: number;
  durationMs: number;
  /** Of which waiting on DynamoDB (calls in parallel counted each). */
  dynamoMs: number;
  figures: CallFigures;
}

export const READ_OPERATIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
export const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** The document client's command names (`GetCommand`) as DynamoDB's operations (`GetItem`). */
const DOCUMENT_OPERATIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
  Query: 'Query',
  Scan: 'Scan',
};

export function operationOf(commandName: string): string {
  const bare = commandName.replace(/Command$/, '');
  return DOCUMENT_OPERATIONS[bare] ?? bare;
}

export const emptyFigures = (): CallFigures => ({ calls: {}, rru: 0, wru: 0, itemsWritten: 0, eventsEmitted: 0 });

/** A string attribute of an item, plain (the document client's input) or marshalled (`{ S: … }`). */
function stringAttribute(item: unknown, name: string): string | undefined {
  const value = (item as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string') return (value as { S: string }).S;
  return undefined;
}

const isHistory = (item: unknown) => stringAttribute(item, 'itemType') === 'history';

/** Items written and history items (events) among them, from a write's input. */
export function writesOf(operation: string, input: Record<string, any>): { items: number; events: number } {
  switch (operation) {
    case 'PutItem':
      return { items: 1, events: isHistory(input.Item) ? 1 : 0 };
    case 'UpdateItem':
    case 'DeleteItem':
      return { items: 1, events: 0 };
    case 'BatchWriteItem': {
      const requests = Object.values((input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item: unknown } }>>).flat();
      return { items: requests.length, events: requests.filter((r) => isHistory(r.PutRequest?.Item)).length };
    }
    case 'TransactWriteItems': {
      const items = (input.TransactItems ?? []) as Array<{ Put?: { Item: unknown }; Update?: unknown; Delete?: unknown; ConditionCheck?: unknown }>;
      const writes = items.filter((i) => i.Put || i.Update || i.Delete);
      return { items: writes.length, events: writes.filter((i) => isHistory(i.Put?.Item)).length };
    }
    default:
      return { items: 0, events: 0 };
  }
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Request units from an answer's `ConsumedCapacity` (one object, or one per table for batches and
 * transactions): read and write units where DynamoDB splits them, else the total counted as the
 * operation's kind.
 */
export function capacityOf(operation: string, consumed: Capacity | Capacity[] | undefined): { rru: number; wru: number } {
  const list = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  let rru = 0;
  let wru = 0;
  for (const c of list) {
    if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
      rru += c.ReadCapacityUnits ?? 0;
      wru += c.WriteCapacityUnits ?? 0;
    } else if (WRITE_OPERATIONS.has(operation)) wru += c.CapacityUnits ?? 0;
    else rru += c.CapacityUnits ?? 0;
  }
  return { rru, wru };
}

/** One DynamoDB call added to an invocation's figures. */
export function addCall(figures: CallFigures, operation: string, input: Record<string, any>, consumed: Capacity | Capacity[] | undefined): void {
  figures.calls[operation] = (figures.calls[operation] ?? 0) + 1;
  const { rru, wru } = capacityOf(operation, consumed);
  figures.rru += rru;
  figures.wru += wru;
  if (WRITE_OPERATIONS.has(operation)) {
    const { items, events } = writesOf(operation, input);
    figures.itemsWritten += items;
    figures.eventsEmitted += events;
  }
}

/** Sums figures (an operation with what it set off), or scales them (a batch's share per record). */
export function sumFigures(all: readonly CallFigures[]): CallFigures {
  const total = emptyFigures();
  for (const f of all) {
    for (const [op, n] of Object.entries(f.calls)) total.calls[op] = (total.calls[op] ?? 0) + n;
    total.rru += f.rru;
    total.wru += f.wru;
    total.itemsWritten += f.itemsWritten;
    total.eventsEmitted += f.eventsEmitted;
  }
  return total;
}

export function scaleFigures(f: CallFigures, by: number): CallFigures {
  return {
    calls: Object.fromEntries(Object.entries(f.calls).map(([op, n]) => [op, n * by])),
    rru: f.rru * by,
    wru: f.wru * by,
    itemsWritten: f.itemsWritten * by,
    eventsEmitted: f.eventsEmitted * by,
  };
}

export const readRoundTrips = (f: CallFigures) => Object.entries(f.calls).reduce((n, [op, k]) => n + (READ_OPERATIONS.has(op) ? k : 0), 0);
export const writeRoundTrips = (f: CallFigures) => Object.entries(f.calls).reduce((n, [op, k]) => n + (WRITE_OPERATIONS.has(op) ? k : 0), 0);

/** What an invocation is, from its Lambda event. */
export function describeInvocation(invocation: Invocation): Pick<InvocationRecord, 'name' | 'correlationIds' | 'records'> {
  if (invocation.kind === 'http') {
    const event = invocation.event as { routeKey?: string; headers?: Record<string, string | undefined> };
    const correlation = event.headers?.['x-correlation-id'];
    return { name: event.routeKey ?? 'unknown', correlationIds: correlation ? [correlation] : [], records: 1 };
  }
  if (invocation.kind === 'events') {
    const records = ((invocation.event as { Records?: Array<{ body: string }> }).Records ?? []).map((r) => {
      const body = JSON.parse(r.body) as { 'detail-type'?: string; detail?: { metadata?: { correlationId?: string } } };
      return { detailType: body['detail-type'] ?? 'unknown', correlationId: body.detail?.metadata?.correlationId };
    });
    return {
      name: [...new Set(records.map((r) => r.detailType))].sort().join('+'),
      correlationIds: [...new Set(records.flatMap((r) => (r.correlationId ? [r.correlationId] : [])))],
      records: records.length,
    };
  }
  return { name: invocation.service, correlationIds: [], records: 1 };
}

const METER_MIDDLEWARE = 'bench-cost-meter';

/** The observer the bench hands the local runtime: every invocation's DynamoDB calls, timed. */
export class CostMeter implements InvocationObserver {
  readonly invocations: InvocationRecord[] = [];
  private readonly current = new AsyncLocalStorage<CallFigures>();
  private readonly dynamoMs = new WeakMap<CallFigures, number>();
  private inFlight = 0;
  private lastEnded = 0;

  readonly instrument = {
    attach: (doc: DynamoDBDocumentClient) => {
      doc.middlewareStack.add(
        (next, context) => async (args) => {
          const figures = this.current.getStore();
          if (!figures) return next(args);
          const input = { ...(args.input as Record<string, unknown>), ReturnConsumedCapacity: 'TOTAL' };
          const sent = performance.now();
          const output = await next({ ...args, input }).finally(() => {
            this.dynamoMs.set(figures, (this.dynamoMs.get(figures) ?? 0) + performance.now() - sent);
          });
          const consumed = (output.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
          addCall(figures, operationOf(String(context.commandName)), input, consumed);
          return output;
        },
        // Above the SDK's retry: one call as the handler made it, whatever the SDK retried.
        { step: 'initialize', name: METER_MIDDLEWARE, override: true },
      );
    },
    detach: (doc: DynamoDBDocumentClient) => void doc.middlewareStack.remove(METER_MIDDLEWARE),
  };

  async around<T>(invocation: Invocation, run: () => Promise<T>): Promise<T> {
    const figures = emptyFigures();
    const started = performance.now();
    this.inFlight += 1;
    let status: number | undefined;
    try {
      const result = await this.current.run(figures, run);
      if (invocation.kind === 'http') status = (result as { statusCode?: number }).statusCode;
      return result;
    } finally {
      this.inFlight -= 1;
      this.lastEnded = performance.now();
      this.invocations.push({
        kind: invocation.kind,
        service: invocation.service,
        ...describeInvocation(invocation),
        ...(status !== undefined ? { status } : {}),
        durationMs: this.lastEnded - started,
        dynamoMs: this.dynamoMs.get(figures) ?? 0,
        figures,
      });
    }
  }

  /** Nothing running, and nothing ran for `quietMs`. */
  idle(quietMs: number): boolean {
    return this.inFlight === 0 && performance.now() - this.lastEnded >= quietMs;
  }
}

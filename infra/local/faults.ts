import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The local runtime's fault injector: seeded, off unless a LocalCloud is started with one, and never
 * in the cloud bundle (it lives here, beside the runtime, and reaches the handlers only through the
 * SDK clients' middleware stacks: the runtime attaches it to each service table's client). It makes the
 * failures that the platform's promises are about ("a change once acknowledged is never lost and
 * never applied twice") happen on purpose, each one where it happens in AWS, so that the real
 * retry paths deal with it:
 *
 * - `dynamodb-before`: a DynamoDB call fails before it leaves (a network error, a timeout):
 *   nothing written; the caller sees an error (an HTTP 5xx, a failed record the queue redelivers).
 * - `dynamodb-after`: the call succeeded, then the caller crashed before it could use the answer:
 *   written, yet an error seen. The HTTP caller retries with its Idempotency-Key; a consumer is
 *   redelivered and its inbox guard absorbs it.
 * - `transaction-conflict`: TransactWriteItems cancelled with reason TransactionConflict (nothing
 *   written), which DynamoDB Local never produces: the kernel's unit of work reads, decides and
 *   commits again (kernel/retry.ts).
 * - `throughput`: ProvisionedThroughputExceededException, injected below the SDK's retry middleware
 *   so the SDK's own retry strategy retries it (each retry may be throttled again).
 * - `relay-before-forward`: the stream relay read records and crashed before the bus had them; it
 *   resumes from its saved shard position.
 * - `relay-before-checkpoint`: the bus had them but the position was not saved; the relay reads and
 *   forwards them again, and the consumers' inbox absorbs the copies.
 * - `bus-ack`: the consumer ran but the acknowledgement was lost: every message of the batch comes
 *   back (and counts toward the dead-letter queue), as with an SQS visibility timeout.
 *
 * Which call faults comes from one seeded generator, so a seed replays the same sequence of
 * decisions; with concurrent callers the calls may draw them in another order.
 */
export const FAULT_KINDS = [
  'dynamodb-before',
  'dynamodb-after',
  'transaction-conflict',
  'throughput',
  'relay-before-forward',
  'relay-before-checkpoint',
  'bus-ack',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Where the relay may be made to crash. */
export type RelayFaultPoint = 'relay-before-forward' | 'relay-before-checkpoint';

/** What the bus and the relay ask of an injector (nothing, when there is none). */
export interface FaultPoints {
  /** Throws an InjectedFault when the relay should crash at `point`. */
  relay(point: RelayFaultPoint): void;
  /** True when the acknowledgement of a delivered batch should be lost. */
  ackLost(queue: string): boolean;
}

/** An error that only the injector throws: a crash, a lost connection, at a chosen point. */
export class InjectedFault extends Error {
  constructor(
    readonly kind: FaultKind,
    where: string,
  ) {
    super(`injected fault (${kind}) ${where}`);
    this.name = 'InjectedFault';
  }
}

/** True if `error` is an injected fault, or a batch failure made only of them (powertools' FullBatchFailureError). */
export function onlyInjected(error: unknown): boolean {
  if (error instanceof InjectedFault) return true;
  const recordErrors = (error as { recordErrors?: unknown[] } | undefined)?.recordErrors;
  return Array.isArray(recordErrors) && recordErrors.length > 0 && recordErrors.every(onlyInjected);
}

export interface FaultOptions {
  seed: number;
  /** Chance of a fault at each fault point (each DynamoDB call, relay batch, bus acknowledgement). */
  probability: number;
  /** The kinds to inject (default all). */
  kinds?: readonly FaultKind[];
  /** Start switched on (default true); `enable`/`disable` switch later. */
  enabled?: boolean;
}

const DYNAMODB_KINDS: readonly FaultKind[] = ['dynamodb-before', 'dynamodb-after', 'transaction-conflict', 'throughput'];

/** Something that adds to (and later takes from) a document client's middleware stack. */
export interface ClientInstrument {
  attach(doc: DynamoDBDocumentClient): void;
  detach(doc: DynamoDBDocumentClient): void;
}

export class FaultInjector implements FaultPoints {
  /** Faults injected so far, by kind. */
  readonly counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  private readonly random: () => number;
  private readonly kinds: ReadonlySet<FaultKind>;
  private readonly forced: Array<{ kind: FaultKind; left: number; operation?: string }> = [];
  /** Calls being throttled (decided once per call, above the SDK's retry), with their attempts so far. */
  private readonly throttled = new WeakMap<object, { attempts: number }>();
  private readonly middlewareName = `fault-injector-${Math.random().toString(36).slice(2)}`;
  private enabled: boolean;

  constructor(readonly options: FaultOptions) {
    if (!(options.probability >= 0 && options.probability <= 1)) throw new Error(`a fault probability is 0 to 1, not ${options.probability}`);
    this.random = seededRandom(options.seed);
    this.kinds = new Set(options.kinds ?? FAULT_KINDS);
    this.enabled = options.enabled ?? true;
  }

  get active(): boolean {
    return this.enabled;
  }

  enable(): void {
    this.enabled = true;
  }

  /** No more faults from now on (calls in flight finish as decided). */
  disable(): void {
    this.enabled = false;
    this.forced.length = 0;
  }

  /**
   * The next `times` chances of `kind` fault for certain, probability aside (for tests of one path);
   * with `operation` (`TransactWriteItems`, `GetItem` …), only chances at DynamoDB calls of it.
   */
  force(kind: FaultKind, options: { times?: number; operation?: string } = {}): void {
    this.forced.push({ kind, left: options.times ?? 1, ...(options.operation ? { operation: options.operation } : {}) });
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  relay(point: RelayFaultPoint): void {
    if (this.decide([point]) === point) throw new InjectedFault(point, 'in the stream relay');
  }

  ackLost(): boolean {
    return this.decide(['bus-ack']) === 'bus-ack';
  }

  /** The middleware this injector adds to a document client: see the kinds above. */
  readonly instrument: ClientInstrument = {
    attach: (doc) => this.attach(doc),
    detach: (doc) => {
      doc.middlewareStack.remove(this.middlewareName);
      doc.middlewareStack.remove(`${this.middlewareName}-throttle`);
    },
  };

  private attach(doc: DynamoDBDocumentClient): void {
    // Above the SDK's retry: what the caller itself sees.
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName).replace(/Command$/, '');
        const transaction = operation === 'TransactWriteItems' || operation === 'TransactWrite';
        const kind = this.decide(
          DYNAMODB_KINDS.filter((k) => k !== 'transaction-conflict' || transaction),
          transaction ? 'TransactWriteItems' : operation,
        );
        if (kind === 'dynamodb-before') throw new InjectedFault(kind, `before ${operation}`);
        if (kind === 'transaction-conflict') throw transactionConflict(args.input as { TransactItems?: unknown[] });
        if (kind === 'throughput') this.throttled.set(context, { attempts: 0 });
        const output = await next(args);
        if (kind === 'dynamodb-after') throw new InjectedFault(kind, `after ${operation} succeeded`);
        return output;
      },
      { step: 'initialize', name: this.middlewareName, override: true },
    );
    // Below the SDK's retry (which sits in finalizeRequest; deserialize is inside it): each attempt meets this, and the SDK retries.
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const call = this.throttled.get(context);
        if (call) {
          // The call's first attempt is throttled (counted when decided); each retry again with the same chance.
          const throttle = call.attempts === 0 || this.decide(['throughput']) === 'throughput';
          call.attempts += 1;
          if (throttle) {
            throw new ProvisionedThroughputExceededException({
              message: 'The level of configured provisioned throughput for the table was exceeded (injected).',
              $metadata: { httpStatusCode: 400 },
            });
          }
        }
        return next(args);
      },
      { step: 'deserialize', name: `${this.middlewareName}-throttle`, override: true },
    );
  }

  /** One draw at a fault point: undefined (no fault) or the kind, counted. */
  private decide(candidates: readonly FaultKind[], operation?: string): FaultKind | undefined {
    if (!this.enabled) return undefined;
    const possible = candidates.filter((kind) => this.kinds.has(kind));
    if (possible.length === 0) return undefined;
    const forced = this.forced.find((f) => f.left > 0 && possible.includes(f.kind) && (!f.operation || f.operation === operation));
    if (forced) {
      forced.left -= 1;
      this.counts[forced.kind] += 1;
      return forced.kind;
    }
    if (this.random() >= this.options.probability) return undefined;
    const kind = possible[Math.floor(this.random() * possible.length)]!;
    this.counts[kind] += 1;
    return kind;
  }
}

/** What DynamoDB answers when another transaction holds one of the items: nothing written. */
function transactionConflict(input: { TransactItems?: unknown[] }): TransactionCanceledException {
  const items = input.TransactItems?.length ?? 1;
  const reasons = Array.from({ length: items }, (_, i) =>
    i === 0 ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item (injected)' } : { Code: 'None' },
  );
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: reasons,
  });
}

/** A small seeded generator (mulberry32): the same seed, the same draws. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

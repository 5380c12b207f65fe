import type { Settings } from './config.ts';
import type { EventDefinition } from './events.ts';
import type { RouteTable } from './routes.ts';
import type { ServiceName } from './table.ts';

/**
 * A subscription: an EventBridge rule on the `five-haves` bus (source + detail-type), delivered
 * through an SQS queue with a dead-letter queue to the service's events handler. Never written by
 * hand: `defineConsumers` derives each from the event contracts its queue delivers.
 */
export interface Subscription {
  /** Stable name: the rule's and the queue's. */
  name: string;
  source: string;
  detailTypes: string[];
}

/**
 * The events a service consumes, as routes are declared: per subscription queue (its stable name),
 * the event contracts it delivers. The events handler takes one reaction per event, by event name
 * (`Reactions` in kernel/consumer.ts: a missing or an extra one does not compile).
 */
export type ConsumerTable = Record<string, readonly EventDefinition[]>;

export interface Consumers<T extends ConsumerTable = ConsumerTable> {
  /** The table as declared. */
  queues: T;
  /** Every event consumed, once each. */
  events: EventDefinition[];
  /** The rules and queues, derived: one per queue, its source taken from its events. */
  subscriptions: Subscription[];
}

/** Every event contract a consumer table names. */
export type ConsumedEvent<C extends Consumers> = C['queues'][keyof C['queues']][number];

/**
 * Checks a consumer table once, where it is declared, and derives its subscriptions. A queue is one
 * EventBridge rule, so one source: the source is taken from each event and must be the same for all
 * of a queue's events (another producer's events get a queue of their own). An event is consumed
 * once (its name is its reaction's name).
 */
export function defineConsumers<const T extends ConsumerTable>(queues: T): Consumers<T> {
  const events: EventDefinition[] = [];
  const subscriptions: Subscription[] = [];
  for (const [name, definitions] of Object.entries(queues)) {
    if (!/^[a-z][a-z0-9-]{1,60}$/.test(name)) throw new Error(`queue "${name}": lower-case letters, digits and dashes`);
    if (definitions.length === 0) throw new Error(`queue ${name} delivers no event`);
    const sources = [...new Set(definitions.map((d) => d.source))];
    if (sources.length > 1) {
      throw new Error(`queue ${name} mixes events of ${sources.join(' and ')}: a rule has one source, give each producer's events a queue of their own`);
    }
    for (const definition of definitions) {
      const twice = events.find((e) => e.detailType === definition.detailType);
      if (twice) throw new Error(`${definition.detailType} is consumed twice (${twice.source}, ${definition.source}): one reaction an event`);
      events.push(definition);
    }
    subscriptions.push({ name, source: sources[0]!, detailTypes: definitions.map((d) => d.detailType) });
  }
  return { queues, events, subscriptions };
}

/** No events consumed. */
export const NO_CONSUMERS: Consumers<Record<never, never>> = { queues: {}, events: [], subscriptions: [] };

/**
 * A job the platform runs on a clock: an EventBridge schedule rule → its own function in the stack,
 * a timer in the local runtime. Both invoke `handler` (a module exporting `handler`, relative to the
 * repo root) with an EventBridge Scheduled Event, whose `time` the job takes as "now". The job must be
 * idempotent and catch up: a run that fails or is skipped is made good by the next one.
 */
export interface Schedule {
  /** Stable, lower-case name: the rule's and the function's (`five-haves-<stage>-<service>-<name>`). */
  name: string;
  /** Minutes between runs (EventBridge `rate(n minutes)`). */
  rateMinutes: number;
  description: string;
  handler: string;
  /** The job also publishes the service's open data (kernel/open-data.ts): the stack gives it the bucket. */
  openData?: true;
}

/**
 * What a service offers, as data: the stack, the local runtime and the docs read this and nothing
 * else. `http` and `events` name the handler modules (exporting `handler`), relative to the repo root.
 */
export interface ServiceDefinition {
  name: ServiceName;
  routes: RouteTable;
  /** The events it consumes (`defineConsumers`); the subscriptions are derived from it. */
  consumers: Consumers;
  http: string;
  events?: string;
  /** Jobs on a clock; none if absent. */
  schedules?: Schedule[];
  /**
   * The service's configuration: every environment variable its handlers read besides its table's.
   * The stack sets each on all of the service's functions (CDK context `<service>.<name>`, else the
   * default); the local runtime checks them in its environment before it loads a handler.
   */
  config?: Settings;
  /**
   * The service sends e-mail: in the stack its functions may call SES v2 SendEmail through the
   * platform's configuration set, whose bounces and complaints reach `bounces` (a handler of SQS
   * batches of EventBridge events from SES) to keep the suppression list.
   */
  mail?: { bounces: string };
}

/** Checks a schedule declaration once, where the stack and the local runtime read it. */
export function assertSchedule(schedule: Schedule): Schedule {
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(schedule.name)) {
    throw new Error(`schedule "${schedule.name}": lower-case letters, digits and dashes, 2 to 41`);
  }
  if (!Number.isInteger(schedule.rateMinutes) || schedule.rateMinutes < 1) {
    throw new Error(`schedule ${schedule.name}: rateMinutes must be a whole number of minutes, at least 1`);
  }
  return schedule;
}

/** The rule's event pattern for a subscription: the same object in the stack and on the local bus. */
export function eventPattern(subscription: Subscription) {
  return { source: [subscription.source], 'detail-type': [...subscription.detailTypes] };
}

/** How a subscription queue delivers to its events function, in the stack and locally. */
export const DELIVERY = {
  batchSize: 10,
  /** Deliveries of a message before it goes to the dead-letter queue. */
  maxReceiveCount: 5,
} as const;

import type { Settings } from './config.ts';
import type { RouteTable } from './routes.ts';
import type { ServiceName } from './table.ts';

/**
 * A subscription: an EventBridge rule on the `five-haves` bus (source + detail-type), delivered
 * through an SQS queue with a dead-letter queue to the service's events handler.
 */
export interface Subscription {
  /** Stable name: the rule's and the queue's. */
  name: string;
  source: string;
  detailTypes: string[];
}

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
  subscriptions: Subscription[];
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

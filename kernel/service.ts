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
 * What a service offers, as data: the stack, the local runtime and the docs read this and nothing
 * else. `http` and `events` name the handler modules (exporting `handler`), relative to the repo root.
 */
export interface ServiceDefinition {
  name: ServiceName;
  routes: RouteTable;
  subscriptions: Subscription[];
  http: string;
  events?: string;
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

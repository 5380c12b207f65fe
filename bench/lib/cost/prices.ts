/**
 * AWS's published on-demand prices, US East (N. Virginia), us-east-1, in US dollars: the one place
 * the bench's cost table takes them from. Read from the services' pricing pages on 2026-12-02:
 *
 * - Lambda, https://aws.amazon.com/lambda/pricing/ : Arm (Graviton), first 7.5 billion GB-s a month,
 *   $0.0000133334 per GB-s; requests $0.20 per million (either architecture); duration billed per 1 ms.
 * - DynamoDB, https://aws.amazon.com/dynamodb/pricing/on-demand/ : Standard table class, $0.625 per
 *   million write request units, $0.125 per million read request units (since the price cut of
 *   2024-11-01). A strongly consistent read of up to 4 KB is 1 RRU, a write of up to 1 KB 1 WRU,
 *   transactional ones twice that: the units DynamoDB reports in `ConsumedCapacity` already count it.
 * - EventBridge, https://aws.amazon.com/eventbridge/pricing/ : custom events $1.00 per million (each
 *   64 KB chunk); Pipes $0.40 per million requests after filtering (each 64 KB chunk).
 * - SQS, https://aws.amazon.com/sqs/pricing/ : standard queues $0.40 per million requests (each
 *   64 KB chunk), after the first million a month.
 * - API Gateway, https://aws.amazon.com/api-gateway/pricing/ : HTTP APIs $1.00 per million requests
 *   (first 300 million a month, each 512 KB chunk).
 *
 * Free tiers are left out: the table prices the millionth operation, not the first.
 */
export const PRICES = {
  region: 'us-east-1',
  readOn: '2026-12-02',
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1e6,
  dynamoPerRru: 0.125 / 1e6,
  dynamoPerWru: 0.625 / 1e6,
  eventBridgePerEvent: 1.0 / 1e6,
  pipesPerRequest: 0.4 / 1e6,
  sqsPerRequest: 0.4 / 1e6,
  httpApiPerRequest: 1.0 / 1e6,
} as const;

/**
 * SQS requests per event a consumer applies: EventBridge's SendMessage to the queue, the Lambda
 * poller's ReceiveMessage and its DeleteMessage. Batches of up to ten share a receive and a delete,
 * so this is the price of an event that arrives alone (the upper bound; idle long polls aside).
 */
export const SQS_REQUESTS_PER_EVENT = 3;

/** What one operation is priced on. */
export interface PricedOperation {
  kind: 'route' | 'consumer';
  /** Lambda memory the stack configures, in MB. */
  memoryMb: number;
  /** The handler's measured duration, in ms (billed rounded up to the next ms). */
  durationMs: number;
  rru: number;
  wru: number;
  /** Bus events it emitted (history items): each one a Pipe request and an EventBridge event. */
  eventsEmitted: number;
}

/** Dollars for a million of the operation, by part. */
export interface PriceOfAMillion {
  lambda: number;
  dynamodb: number;
  events: number;
  /** API Gateway for a route, SQS for a consumer. */
  entry: number;
  total: number;
}

const cents = (dollars: number) => Math.round(dollars * 1e4) / 1e4;

export function priceOfAMillion(op: PricedOperation): PriceOfAMillion {
  const million = 1e6;
  const billedSeconds = Math.ceil(op.durationMs) / 1000;
  const lambda = million * (PRICES.lambdaPerRequest + (op.memoryMb / 1024) * billedSeconds * PRICES.lambdaArmPerGbSecond);
  const dynamodb = million * (op.rru * PRICES.dynamoPerRru + op.wru * PRICES.dynamoPerWru);
  const events = million * op.eventsEmitted * (PRICES.pipesPerRequest + PRICES.eventBridgePerEvent);
  const entry = million * (op.kind === 'route' ? PRICES.httpApiPerRequest : SQS_REQUESTS_PER_EVENT * PRICES.sqsPerRequest);
  return { lambda: cents(lambda), dynamodb: cents(dynamodb), events: cents(events), entry: cents(entry), total: cents(lambda + dynamodb + events + entry) };
}

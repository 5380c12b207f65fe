import { Duration } from 'aws-cdk-lib';
import { Rule, type EventPattern, type IEventBus } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DELIVERY, eventPattern, type Subscription } from '../../kernel/service.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { physicalName } from './names.ts';

/**
 * The kernel writes a rule's pattern as EventBridge does (`detail-type`); the L2 Rule takes the same
 * pattern with camelCase keys and renders them back, so the template holds the kernel's object.
 */
export function rulePattern(pattern: ReturnType<typeof eventPattern>): EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return { ...rest, detailType };
}

/** Lambda's advice: a message stays invisible for six times the function's timeout, so retries of
 * a throttled or slow batch do not run while the first attempt still works on it. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface SubscriptionQueueProps {
  stage: string;
  subscription: Subscription;
  bus: IEventBus;
  /** The service's events function. */
  consumer: IFunction;
  consumerTimeout: Duration;
}

/** One subscription: a rule on the bus → an SQS queue (+ dead-letter queue) → the events function. */
export class SubscriptionQueue extends Construct {
  readonly rule: Rule;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  /** The subscription's name. */
  readonly name: string;

  constructor(scope: Construct, id: string, props: SubscriptionQueueProps) {
    super(scope, id);
    const name = physicalName(props.stage, props.subscription.name);
    this.name = props.subscription.name;

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      queueName: `${name}-dlq`,
      holds: `the ${props.subscription.name} subscription (its queue's redrive, and the rule's target)`,
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: name,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: DELIVERY.maxReceiveCount },
    });

    this.rule = new Rule(this, 'Rule', {
      ruleName: name,
      description: `${props.subscription.name}: ${props.subscription.detailTypes.join(', ')} from ${props.subscription.source}`,
      eventBus: props.bus,
      eventPattern: rulePattern(eventPattern(props.subscription)),
      // Should EventBridge fail to deliver to the queue (policy, quota), the event is dead-lettered too.
      targets: [new SqsQueue(this.queue, { deadLetterQueue: this.deadLetters })],
    });

    props.consumer.addEventSource(
      new SqsEventSource(this.queue, { batchSize: DELIVERY.batchSize, reportBatchItemFailures: true }),
    );
  }
}

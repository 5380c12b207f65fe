import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DELIVERY } from '../../kernel/service.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { physicalName } from './names.ts';
import { ServiceFunction } from './service-function.ts';
import type { ServiceTable } from './service-table.ts';
import { VISIBILITY_TIMEOUT_FACTOR } from './subscription-queue.ts';

/** What SES puts on the default bus for the configuration set's bounces and complaints. */
export const SES_EVENT_TYPES = ['Email Bounced', 'Email Complained'] as const;

export interface ServiceMailProps {
  stage: string;
  service: string;
  /** The module that records bounces and complaints (exports `handler`). */
  bounces: string;
  /** The From address's domain: the SES identity the service sends as. */
  fromDomain: string;
  table: ServiceTable;
  environment: Record<string, string>;
  timeout: Duration;
  retain: boolean;
}

/**
 * A service's e-mail through Amazon SES: the domain identity it sends as (DKIM), a configuration set
 * every message is sent with, whose bounces and complaints go to the default event bus (SES's
 * EventBridge destination) and, by a rule matching this configuration set only, through a queue
 * with a dead-letter queue to the function that keeps the suppression list. `allowSending` lets a
 * function send as the identity through the configuration set, and nothing else of SES.
 */
export class ServiceMail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  readonly bounces: ServiceFunction;
  readonly queue: Queue;
  readonly deadLetters: DeadLetterQueue;
  readonly rule: Rule;
  readonly name: string;

  constructor(scope: Construct, id: string, props: ServiceMailProps) {
    super(scope, id);
    this.name = physicalName(props.stage, props.service, 'mail');
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.name,
      // The account's suppression list too: an address that bounced for another sender of the account is not tried.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.eventBus(defaultBus),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.fromDomain), configurationSet: this.configurationSet });

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      queueName: `${this.name}-bounces-dlq`,
      holds: `the ${props.service} bounces and complaints from SES (its queue's redrive, and the rule's target)`,
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: `${this.name}-bounces`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: DELIVERY.maxReceiveCount },
    });
    this.rule = new Rule(this, 'Rule', {
      ruleName: `${this.name}-bounces`,
      description: `Bounces and complaints of the ${this.name} configuration set, to the suppression list`,
      eventBus: defaultBus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...SES_EVENT_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [this.name] } } },
      },
      targets: [new SqsQueue(this.queue, { deadLetterQueue: this.deadLetters })],
    });

    this.bounces = new ServiceFunction(this, 'Bounces', {
      entry: props.bounces,
      functionName: physicalName(props.stage, props.service, 'bounces'),
      description: `${props.service}: SES bounces and complaints to the suppression list`,
      serviceName: props.service,
      timeout: props.timeout,
      environment: props.environment,
      retain: props.retain,
      deadLetters: {
        synchronous: `${props.service}'s bounces function is invoked only by the SQS event source mapping of its bounces queue, synchronously: a message it fails returns to the queue and, after ${DELIVERY.maxReceiveCount} receives, the queue's redrive policy moves it to the bounces dead-letter queue (alarmed).`,
      },
    });
    props.table.grantItemAccess(this.bounces);
    this.bounces.addEventSource(new SqsEventSource(this.queue, { batchSize: DELIVERY.batchSize, reportBatchItemFailures: true }));
    Validations.of(this.bounces).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: `This event source mapping reads the SQS queue of SES bounces and complaints, and Lambda offers an on-failure destination only for stream and Kafka sources; for SQS the failure path is the queue's own redrive policy (${DELIVERY.maxReceiveCount} receives, then the bounces dead-letter queue, alarmed).`,
    });
  }

  /** SES v2 SendEmail (raw MIME) as the identity, through the configuration set: nothing else of SES. */
  allowSending(fn: IFunction): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.identity.emailIdentityArn,
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      }),
    );
  }
}

import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { pipeFilterPattern, pipeTarget } from '../../kernel/outbox.ts';
import type { ServiceName } from '../../kernel/table.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { physicalName } from './names.ts';

/** How the Pipe reads the table's stream. */
export const OUTBOX_STREAM = {
  startingPosition: 'LATEST',
  batchSize: 10,
  /** Then the batch's description goes to the dead-letter queue (a stream record lives 24 h). */
  maximumRetryAttempts: 10,
} as const;

export interface OutboxPipeProps {
  stage: string;
  service: ServiceName;
  /** The service's table; it must have a stream. */
  table: ITable;
  bus: IEventBus;
  /** Turns stream records into bus entries (`toBusEntries`, kernel/outbox.ts). */
  enrichment: IFunction;
}

/**
 * History is the outbox (DESIGN section 1): a table's stream → only history items (the kernel's
 * filter) → the enrichment → the bus. A role with nothing but what this Pipe does.
 */
export class OutboxPipe extends Construct {
  readonly pipe: CfnPipe;
  readonly deadLetters: Queue;
  readonly service: ServiceName;
  /** The Pipe's physical name (the `PipeName` dimension of its metrics). */
  readonly name: string;

  constructor(scope: Construct, id: string, props: OutboxPipeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error(`the ${props.service} table has no stream: the outbox cannot reach the bus`);
    const pipeName = physicalName(props.stage, props.service, 'outbox');
    this.service = props.service;
    this.name = pipeName;

    // A Pipe with a stream source dead-letters the description of a batch it could not deliver
    // (shard, sequence numbers), from which the records can be read again while the stream keeps them.
    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      queueName: physicalName(props.stage, props.service, 'outbox-dlq'),
      holds: `the ${props.service} outbox Pipe (its DynamoDB stream source's DeadLetterConfig, which cdk-nag does not recognise as a redrive)`,
    });

    const role = new Role(this, 'Role', {
      description: `Execution role of the ${pipeName} Pipe`,
      assumedBy: new ServicePrincipal('pipes.amazonaws.com').withConditions({
        StringEquals: {
          'aws:SourceAccount': stack.account,
          'aws:SourceArn': stack.formatArn({ service: 'pipes', resource: 'pipe', resourceName: pipeName }),
        },
      }),
      inlinePolicies: {
        outbox: new PolicyDocument({
          statements: [
            new PolicyStatement({
              sid: 'ReadTheTableStream',
              actions: [
                'dynamodb:DescribeStream',
                'dynamodb:GetRecords',
                'dynamodb:GetShardIterator',
                'dynamodb:ListStreams',
              ],
              resources: [streamArn],
            }),
            new PolicyStatement({
              sid: 'InvokeTheEnrichment',
              actions: ['lambda:InvokeFunction'],
              resources: [props.enrichment.functionArn],
            }),
            new PolicyStatement({
              sid: 'PublishToTheBus',
              actions: ['events:PutEvents'],
              resources: [props.bus.eventBusArn],
            }),
            new PolicyStatement({
              sid: 'DeadLetterUndeliveredBatches',
              actions: ['sqs:SendMessage'],
              resources: [this.deadLetters.queueArn],
            }),
          ],
        }),
      },
    });

    this.pipe = new CfnPipe(this, 'Pipe', {
      name: pipeName,
      description: `History items of the ${props.service} table onto the bus`,
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: OUTBOX_STREAM.startingPosition,
          batchSize: OUTBOX_STREAM.batchSize,
          maximumRetryAttempts: OUTBOX_STREAM.maximumRetryAttempts,
          // A poison record is isolated by halving the batch instead of holding back its neighbours.
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: this.deadLetters.queueArn },
        },
        filterCriteria: { filters: [{ pattern: JSON.stringify(pipeFilterPattern) }] },
      },
      enrichment: props.enrichment.functionArn,
      target: props.bus.eventBusArn,
      targetParameters: {
        eventBridgeEventBusParameters: { source: pipeTarget.source, detailType: pipeTarget.detailType },
        inputTemplate: pipeTarget.inputTemplate,
      },
    });
  }
}

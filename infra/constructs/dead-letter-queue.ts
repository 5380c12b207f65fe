import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  queueName: string;
  /** Whose undeliverable messages wait here, for the acknowledgement: "the outbox Pipe of funding". */
  holds: string;
}

/**
 * Where undeliverable messages wait for an operator (README "Operating it": an alarm on every one of
 * these queues, then a re-drive): SQS-managed encryption, TLS only, and 14 days, SQS's longest
 * retention, so a weekend's failures are still there on Monday.
 *
 * cdk-nag wants every queue to have a dead-letter queue of its own (AwsSolutions-SQS3,
 * Serverless-SQSRedrivePolicy). For a dead-letter queue that would only move the same messages one
 * step further from the alarm that watches this one, so both rules are acknowledged here, and only
 * for queues built by this class.
 */
export class DeadLetterQueue extends Queue {
  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const reason = `This queue is itself the dead-letter queue of ${props.holds}, alarmed when it holds a message and re-driven by an operator; a dead-letter queue behind it would only move the same messages away from that alarm.`;
    Validations.of(this).acknowledge({ id: 'AwsSolutions-SQS3', reason });
    Validations.of(this).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
  }
}

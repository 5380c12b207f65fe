import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule as Rate } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { Schedule } from '../../kernel/service.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { physicalName } from './names.ts';
import { ServiceFunction } from './service-function.ts';
import type { ServiceTable } from './service-table.ts';

export interface ServiceScheduleProps {
  stage: string;
  service: string;
  schedule: Schedule;
  table: ServiceTable;
  environment: Record<string, string>;
  timeout: Duration;
  retain: boolean;
}

/**
 * One declared schedule: a rule with `rate(n minutes)` on the account's default bus (schedule rules
 * live there, not on the platform's bus) targeting its own function, built like the service's other
 * functions and with the same item access to the service's table. A failed run is logged, and the
 * next tick does the work again (schedules are idempotent and catch up); but a tick EventBridge could
 * not deliver at all (a throttled or misconfigured invoke) never runs the function, so its Errors
 * alarm stays silent. So both paths end in one dead-letter queue, alarmed like the others: ticks
 * EventBridge gave up on, and invocations that failed after Lambda's own retries.
 */
export class ServiceSchedule extends Construct {
  readonly function: ServiceFunction;
  readonly rule: Rule;
  readonly deadLetters: DeadLetterQueue;
  /** The schedule's declared name. */
  readonly name: string;

  constructor(scope: Construct, id: string, props: ServiceScheduleProps) {
    super(scope, id);
    const { schedule } = props;
    this.name = schedule.name;
    const name = physicalName(props.stage, props.service, schedule.name);
    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      queueName: `${name}-dlq`,
      holds: `${props.service}'s ${schedule.name} schedule (its rule's target and its function's asynchronous invocations)`,
    });
    this.function = new ServiceFunction(this, 'Function', {
      entry: schedule.handler,
      functionName: name,
      description: `${props.service}: ${schedule.description}`.slice(0, 256),
      serviceName: props.service,
      timeout: props.timeout,
      environment: props.environment,
      retain: props.retain,
      deadLetters: { queue: this.deadLetters },
    });
    props.table.grantItemAccess(this.function);
    this.rule = new Rule(this, 'Rule', {
      ruleName: name,
      description: `${schedule.description} (every ${schedule.rateMinutes} min)`.slice(0, 512),
      schedule: Rate.rate(Duration.minutes(schedule.rateMinutes)),
      // Delivery to the function is retried for at most one period (EventBridge allows 1 min to 24 h):
      // by then the next tick does the same work.
      targets: [
        new LambdaFunction(this.function, {
          deadLetterQueue: this.deadLetters,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(Math.min(Math.max(schedule.rateMinutes, 1), 24 * 60)),
        }),
      ],
    });
  }
}

import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { physicalName } from './names.ts';

/** The thresholds, in one place (README "Operating it" explains them). */
export const ALARM_THRESHOLDS = {
  /** Share of API requests answered 5xx over a 5-minute period, in percent … */
  api5xxPercent: 5,
  /** … for this many periods in a row. */
  api5xxPeriods: 2,
  /** p99 of API Gateway's Latency, in ms (the http functions time out at 10 s) … */
  apiP99LatencyMs: 3000,
  /** … for this many 5-minute periods in a row. */
  apiLatencyPeriods: 3,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

export interface MonitoringProps {
  stage: string;
  retain: boolean;
  /** Alarms notify the topic (and so its subscribers); off, they only change state on the dashboard. */
  alarmActions: boolean;
  /** Addresses subscribed to the topic by email (each confirms once). */
  alarmEmails: readonly string[];
  api: HttpApi;
  functions: ReadonlyArray<{ name: string; fn: IFunction }>;
  deadLetterQueues: ReadonlyArray<{ name: string; queue: IQueue }>;
  pipeNames: readonly string[];
}

/**
 * What an operator watches: one alarm per dead-letter queue holding anything, per function with
 * errors or throttles (one alarm for both), per Pipe with failed executions, and on the API's 5xx rate and p99 latency;
 * an SNS topic they notify; and one dashboard with the same metrics and every alarm's state.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { stage } = props;
    const stack = Stack.of(this);

    // CloudWatch can publish to an encrypted topic only with a key whose policy lets it use the key;
    // the AWS-managed SNS key's policy cannot be changed, so the topic has its own.
    const key = new Key(this, 'TopicKey', {
      description: `Encrypts the alarm notifications of five-haves ${stage}`,
      enableKeyRotation: true,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishEncrypted',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.topic = new Topic(this, 'Alarms', {
      topicName: physicalName(stage, 'alarms'),
      displayName: `Five Haves ${stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of props.alarmEmails) this.topic.addSubscription(new EmailSubscription(email));
    const notify = new SnsAction(this.topic);

    const alarm = (id: string, name: string, description: string, options: {
      metric: IMetric;
      threshold: number;
      periods?: number;
    }) => {
      const created = new Alarm(this, id, {
        alarmName: physicalName(stage, name),
        alarmDescription: description,
        metric: options.metric,
        threshold: options.threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: options.periods ?? 1,
        datapointsToAlarm: options.periods ?? 1,
        // No data is no traffic (and no failure), not a reason to page anyone.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        actionsEnabled: props.alarmActions,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      this.alarms.push(created);
      return created;
    };

    for (const { name, queue } of props.deadLetterQueues) {
      alarm(`Dlq-${name}`, `${name}-dlq-not-empty`, `Messages wait in ${name}'s dead-letter queue: see README "Operating it", re-drive.`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
      });
    }

    // One alarm a function for its errors and its throttles together (their sum over 5 minutes): two
    // alarms each came to 44 of the stack's 500 resources; the dashboard still graphs them apart.
    for (const { name, fn } of props.functions) {
      alarm(`Failures-${name}`, `${name}-errors-or-throttles`, `${name} failed invocations (its log group has the error with its correlationId) or was throttled (the account's or the function's concurrency is exhausted).`, {
        metric: new MathExpression({
          expression: 'errors + throttles',
          usingMetrics: {
            errors: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
            throttles: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          },
          label: `${name} errors + throttles`,
          period: FIVE_MINUTES,
        }),
        threshold: 0,
      });
    }

    for (const pipeName of props.pipeNames) {
      alarm(`PipeFailures-${pipeName}`, `${pipeName.replace(/^five-haves-[^-]+-/, '')}-failures`, `${pipeName} failed to bring history items to the bus (retried; after 10 attempts the batch goes to its dead-letter queue).`, {
        metric: pipeFailures(pipeName),
        threshold: 0,
      });
    }

    const requests = props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const errorRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: '5xx %',
      period: FIVE_MINUTES,
    });
    alarm('Api5xxRate', 'api-5xx-rate', `More than ${ALARM_THRESHOLDS.api5xxPercent} % of API requests answered 5xx, ${ALARM_THRESHOLDS.api5xxPeriods} × 5 min in a row.`, {
      metric: errorRate,
      threshold: ALARM_THRESHOLDS.api5xxPercent,
      periods: ALARM_THRESHOLDS.api5xxPeriods,
    });
    const p99 = props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' });
    alarm('ApiP99Latency', 'api-p99-latency', `API p99 latency above ${ALARM_THRESHOLDS.apiP99LatencyMs} ms, ${ALARM_THRESHOLDS.apiLatencyPeriods} × 5 min in a row.`, {
      metric: p99,
      threshold: ALARM_THRESHOLDS.apiP99LatencyMs,
      periods: ALARM_THRESHOLDS.apiLatencyPeriods,
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: physicalName(stage),
      defaultInterval: Duration.hours(3),
    });
    const functions = props.functions;
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Five Haves ${stage}\nAlarms notify the SNS topic \`${physicalName(stage, 'alarms')}\`${props.alarmActions ? '' : ' (actions off in this stage)'}. Runbook: README, "Operating it".`,
        width: 24,
        height: 2,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }),
      new GraphWidget({
        title: 'API requests and errors',
        left: [requests, props.api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }), serverErrors],
        right: [errorRate],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }), p99],
        width: 12,
      }),
      new GraphWidget({
        title: 'Lambda errors',
        left: functions.map(({ name, fn }) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: name })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Lambda throttles',
        left: functions.map(({ name, fn }) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: name })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Dead-letter queues (messages waiting)',
        left: props.deadLetterQueues.map(({ name, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: name }),
        ),
        width: 12,
      }),
      new GraphWidget({
        title: 'Outbox Pipes: events and failures',
        left: props.pipeNames.map((pipeName) => pipeMetric(pipeName, 'EventCount', pipeName)),
        right: props.pipeNames.map((pipeName) => pipeFailures(pipeName, `${pipeName} failures`)),
        width: 12,
      }),
    );
  }
}

function pipeMetric(pipeName: string, metricName: string, label?: string): Metric {
  return new Metric({
    namespace: 'AWS/EventBridge/Pipes',
    metricName,
    dimensionsMap: { PipeName: pipeName },
    statistic: 'Sum',
    period: FIVE_MINUTES,
    ...(label ? { label } : {}),
  });
}

/** Failed, timed-out and partly failed executions of a Pipe (its enrichment or its target). */
function pipeFailures(pipeName: string, label = 'failed executions'): MathExpression {
  // Metric ids are unique per graph, and the dashboard graphs every Pipe's expression together.
  const slug = pipeName.replace(/[^A-Za-z0-9]/g, '_').toLowerCase();
  return new MathExpression({
    expression: `FILL(failed_${slug}, 0) + FILL(timeout_${slug}, 0) + FILL(partial_${slug}, 0)`,
    usingMetrics: {
      [`failed_${slug}`]: pipeMetric(pipeName, 'ExecutionFailed'),
      [`timeout_${slug}`]: pipeMetric(pipeName, 'ExecutionTimeout'),
      [`partial_${slug}`]: pipeMetric(pipeName, 'ExecutionPartiallyFailed'),
    },
    label,
    period: FIVE_MINUTES,
  });
}

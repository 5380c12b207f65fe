import { Duration, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { assertSchedule, DELIVERY, type ServiceDefinition } from '../../kernel/service.ts';
import { tableEnvVar } from '../../kernel/table.ts';
import { physicalName } from './names.ts';
import type { OpenData } from './open-data.ts';
import { ServiceFunction } from './service-function.ts';
import { ServiceMail } from './service-mail.ts';
import { ServiceSchedule } from './service-schedule.ts';
import { settingsEnvironment } from './service-settings.ts';
import type { ServiceTable } from './service-table.ts';
import { SubscriptionQueue } from './subscription-queue.ts';

export const HTTP_TIMEOUT = Duration.seconds(10);
export const EVENTS_TIMEOUT = Duration.seconds(30);
export const SCHEDULE_TIMEOUT = Duration.minutes(5);

export interface ServiceBackendProps {
  stage: string;
  service: ServiceDefinition;
  /** The service's own table: the only one its functions may touch. */
  table: ServiceTable;
  bus: IEventBus;
  retain: boolean;
  /**
   * Settings the stack itself decides, by setting name, over context and defaults: values only the
   * deployment knows (the SES configuration set it creates, the site's URL).
   */
  settings?: Record<string, string>;
  /** The open-data bucket, for a service that declares the open-data settings (its `open-data` job writes there). */
  openData?: OpenData;
}

/**
 * A service's compute, from its definition: the http function behind its routes; if it subscribes
 * to anything, the events function fed by one queue per subscription; per declared schedule, a rule
 * and the function it runs.
 */
export class ServiceBackend extends Construct {
  readonly http: ServiceFunction;
  readonly events?: ServiceFunction;
  readonly subscriptions: SubscriptionQueue[] = [];
  readonly schedules: ServiceSchedule[] = [];
  /** With `mail`: SES, its configuration set and the bounces function. */
  readonly mail?: ServiceMail;

  constructor(scope: Construct, id: string, props: ServiceBackendProps) {
    super(scope, id);
    const { service, stage, table, retain } = props;
    // Its table, and its declared configuration (from CDK context, else the defaults): nothing else.
    const mailName = physicalName(stage, service.name, 'mail');
    const environment = {
      [tableEnvVar(service.name)]: table.tableName,
      ...settingsEnvironment(this, stage, service, { ...(service.mail ? { sesConfigurationSet: mailName } : {}), ...props.settings }),
    };
    if (service.mail) {
      const from = environment.NOTIFICATIONS_MAIL_FROM ?? '';
      const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
      this.mail = new ServiceMail(this, 'Mail', {
        stage,
        service: service.name,
        bounces: service.mail.bounces,
        fromDomain: address.split('@')[1] ?? address,
        table,
        environment,
        timeout: EVENTS_TIMEOUT,
        retain,
      });
    }
    // A service that publishes open data writes to the stack's bucket, whatever the setting's default.
    const publishes = Object.values(service.config ?? {}).some((s) => s.env === 'OPEN_DATA_BUCKET');
    if (publishes) {
      if (!props.openData) throw new Error(`${service.name} publishes open data but the stack gave it no bucket`);
      environment.OPEN_DATA_BUCKET = props.openData.bucket.bucketName;
    }

    this.http = new ServiceFunction(this, 'Http', {
      entry: service.http,
      functionName: physicalName(stage, service.name, 'http'),
      description: `${service.name}: HTTP routes`,
      serviceName: service.name,
      timeout: HTTP_TIMEOUT,
      environment,
      retain,
      deadLetters: {
        synchronous: `${service.name}'s http function is invoked only by API Gateway, synchronously: a failure is the caller's 5xx, counted by the API's 5xx alarm and this function's Errors alarm; no asynchronous invocation exists whose event a dead-letter queue could keep.`,
      },
    });
    table.grantItemAccess(this.http);

    for (const schedule of service.schedules ?? []) {
      assertSchedule(schedule);
      const job = new ServiceSchedule(this, `Schedule-${schedule.name}`, {
        stage,
        service: service.name,
        schedule,
        table,
        environment,
        timeout: SCHEDULE_TIMEOUT,
        retain,
      });
      this.mail?.allowSending(job.function);
      if (publishes && schedule.openData) props.openData!.grantExport(job.function, service.name);
      this.schedules.push(job);
    }

    if (service.consumers.subscriptions.length > 0 && !service.events) {
      throw new Error(`${service.name} subscribes to events but names no events handler`);
    }
    if (!service.events) return;

    const events = new ServiceFunction(this, 'Events', {
      entry: service.events,
      functionName: physicalName(stage, service.name, 'events'),
      description: `${service.name}: subscribed events`,
      serviceName: service.name,
      timeout: EVENTS_TIMEOUT,
      environment,
      retain,
      deadLetters: {
        synchronous: `${service.name}'s events function is invoked only by its SQS event source mappings, which poll and invoke synchronously: a message it fails returns to its subscription queue and, after ${DELIVERY.maxReceiveCount} receives, that queue's redrive policy moves it to the subscription's dead-letter queue (alarmed).`,
      },
    });
    table.grantItemAccess(events);
    this.mail?.allowSending(events);
    // The mappings are children of the function: one acknowledgement covers each subscription's.
    Validations.of(events).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: `These event source mappings read SQS subscription queues, and Lambda offers an on-failure destination only for stream and Kafka sources; for SQS the failure path is the queue's own redrive policy (${DELIVERY.maxReceiveCount} receives, then the subscription's dead-letter queue, alarmed).`,
    });
    this.events = events;

    for (const subscription of service.consumers.subscriptions) {
      this.subscriptions.push(
        new SubscriptionQueue(this, `Subscription-${subscription.name}`, {
          stage,
          subscription,
          bus: props.bus,
          consumer: events,
          consumerTimeout: EVENTS_TIMEOUT,
        }),
      );
    }
  }
}

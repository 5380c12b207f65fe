import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Cause } from './events.ts';
import { logger } from './logger.ts';

/** What an EventBridge schedule rule hands its target (and the local runtime's timer builds alike). */
export const ScheduledEventSchema = z.object({
  version: z.string(),
  id: z.string().check(z.minLength(1)),
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  /** The rule's ARN. */
  resources: z.array(z.string()),
  detail: z.looseObject({}),
});
export type ScheduledEvent = z.infer<typeof ScheduledEventSchema>;

/** What a run did, for the log line and for whoever triggered it (the local runtime, a test). */
export type ScheduleRun = Record<string, number | string | boolean>;

/** The event a schedule rule would send at `time`; the local runtime invokes the same handler with it. */
export function scheduledEvent(options: { id: string; time: Date; ruleArn: string; account?: string; region?: string }): ScheduledEvent {
  return {
    version: '0',
    id: options.id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: options.account ?? '000000000000',
    // EventBridge writes whole seconds.
    time: options.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    resources: [options.ruleArn],
    detail: {},
  };
}

/**
 * The entry of a scheduled job. The run's "now" is the event's `time` (when the rule fired), not the
 * function's clock: a delayed or retried run decides as of its tick, and a test can run a job as of
 * any day. A failure is logged and rethrown (Lambda retries the async invocation; the next tick
 * catches up anyway, since jobs are idempotent).
 */
export function scheduleHandler(options: {
  service: string;
  schedule: string;
  run(cause: Cause): Promise<ScheduleRun>;
}) {
  return middy<unknown, ScheduleRun, Error, Context>().handler(async (input) => {
    const event = ScheduledEventSchema.parse(input);
    const cause: Cause = {
      correlationId: event.id,
      now: new Date(event.time).toISOString(),
      actor: { sub: `five-haves.${options.service}.${options.schedule}`, roles: ['service'] },
    };
    const log = { correlationId: event.id, schedule: options.schedule, time: event.time };
    try {
      const result = await options.run(cause);
      logger.info('scheduled run done', { ...log, ...result });
      return result;
    } catch (error) {
      logger.error('scheduled run failed; the next run catches up', { ...log, error });
      throw error;
    }
  });
}

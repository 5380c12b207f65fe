import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { scheduledEvent, type ScheduledEvent, type ScheduleRun } from '../../kernel/schedule.ts';
import { lambdaContext } from './lambda-context.ts';

export type ScheduleFunction = (event: ScheduledEvent, context: Context) => Promise<ScheduleRun>;

export interface LocalSchedule {
  /** The declared name (the stack's rule is `five-haves-<stage>-<service>-<name>`). */
  name: string;
  service: string;
  rateMinutes: number;
  handler: ScheduleFunction;
}

/**
 * The local stand-in for EventBridge schedule rules: one timer per declared schedule, invoking the
 * same handler module with the Scheduled Event the rule would send. A tick while the previous run of
 * the same schedule is still going is skipped (the next one catches up). `run` invokes a schedule on
 * demand, optionally as of another time (the event's `time`), so a test can wait for a condition
 * instead of for the clock.
 */
export class LocalScheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<ScheduleRun>>();

  constructor(
    private readonly schedules: readonly LocalSchedule[],
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get names(): string[] {
    return this.schedules.map((s) => s.name);
  }

  start(): void {
    for (const schedule of this.schedules) {
      const timer = setInterval(() => {
        if (this.running.has(schedule.name)) return;
        this.run(schedule.name).catch((error: unknown) => console.error(`[schedule] ${schedule.name} failed:`, error));
      }, schedule.rateMinutes * 60_000);
      // A timer alone does not keep the process alive (npm start is kept alive by its servers).
      timer.unref();
      this.timers.push(timer);
    }
  }

  async run(name: string, options: { time?: Date } = {}): Promise<ScheduleRun> {
    // By name, or `<service>/<name>` where services share a schedule name (each one's `open-data`).
    const schedule = this.schedules.find((s) => `${s.service}/${s.name}` === name) ?? this.schedules.find((s) => s.name === name);
    if (!schedule) throw new Error(`no schedule ${name}; declared: ${this.names.join(', ') || 'none'}`);
    const functionName = `five-haves-${schedule.service}-${schedule.name}`;
    const event = scheduledEvent({
      id: randomUUID(),
      time: options.time ?? new Date(),
      ruleArn: `arn:aws:events:local:000000000000:rule/${functionName}`,
    });
    const run = schedule.handler(event, lambdaContext(functionName, 5 * 60_000));
    this.running.set(name, run);
    try {
      const result = await run;
      this.log(`[schedule] ${name}: ${JSON.stringify(result)}`);
      return result;
    } finally {
      if (this.running.get(name) === run) this.running.delete(name);
    }
  }

  /** No new ticks; a run in progress is allowed to finish. */
  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.allSettled([...this.running.values()]);
  }
}

import { describe, expect, it } from 'vitest';
import type { Cause } from './events.ts';
import { scheduledEvent, scheduleHandler } from './schedule.ts';
import { assertSchedule } from './service.ts';

const context = {} as never;

describe('scheduleHandler', () => {
  it('runs the job as of the Scheduled Event’s time, as the service, and returns what it did', async () => {
    let seen: Cause | undefined;
    const handler = scheduleHandler({
      service: 'recruitment',
      schedule: 'secondment-check',
      run: async (cause) => {
        seen = cause;
        return { flagged: 2 };
      },
    });
    const event = scheduledEvent({ id: 'tick-1', time: new Date('2030-05-01T16:00:00.123Z'), ruleArn: 'arn:aws:events:x:1:rule/r' });

    expect(await handler(event, context)).toEqual({ flagged: 2 });
    expect(event.time).toBe('2030-05-01T16:00:00Z');
    expect(seen).toEqual({
      correlationId: 'tick-1',
      now: '2030-05-01T16:00:00.000Z',
      actor: { sub: 'five-haves.recruitment.secondment-check', roles: ['service'] },
    });
  });

  it('refuses anything but a Scheduled Event from aws.events', async () => {
    const handler = scheduleHandler({ service: 'recruitment', schedule: 'x', run: async () => ({}) });
    const event = { ...scheduledEvent({ id: '1', time: new Date(), ruleArn: 'r' }), 'detail-type': 'StaffHired' };
    await expect(handler(event, context)).rejects.toThrow();
  });

  it('lets a failed run fail (the next tick catches up)', async () => {
    const handler = scheduleHandler({ service: 'recruitment', schedule: 'x', run: async () => Promise.reject(new Error('table unreachable')) });
    await expect(handler(scheduledEvent({ id: '1', time: new Date(), ruleArn: 'r' }), context)).rejects.toThrow('table unreachable');
  });
});

describe('assertSchedule', () => {
  const schedule = { name: 'secondment-check', rateMinutes: 60, description: 'x', handler: 'h.ts' };
  it('accepts a slug name and a whole number of minutes', () => {
    expect(assertSchedule(schedule)).toBe(schedule);
  });
  it('refuses a fraction of a minute and a name with capitals', () => {
    expect(() => assertSchedule({ ...schedule, rateMinutes: 0.5 })).toThrow(/whole number/);
    expect(() => assertSchedule({ ...schedule, name: 'Check' })).toThrow(/lower-case/);
  });
});

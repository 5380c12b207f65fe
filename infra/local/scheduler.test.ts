import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScheduledEvent, ScheduleRun } from '../../kernel/schedule.ts';
import { LocalScheduler } from './scheduler.ts';

/** The timers are Node's, driven by vitest's fake clock: the test advances it, it never waits for it. */
afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const events: ScheduledEvent[] = [];
  const handler = async (event: ScheduledEvent): Promise<ScheduleRun> => {
    events.push(event);
    return { ran: events.length };
  };
  return { events, handler };
}

describe('the local scheduler', () => {
  it('invokes the handler with an EventBridge Scheduled Event every rate, from start until stop', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const { events, handler } = recorder();
    const scheduler = new LocalScheduler([{ name: 'secondment-check', service: 'recruitment', rateMinutes: 15, handler }]);
    scheduler.start();

    await vi.advanceTimersByTimeAsync(15 * 60_000 - 1);
    expect(events).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2030-01-01T00:15:00Z',
      resources: ['arn:aws:events:local:000000000000:rule/five-haves-recruitment-secondment-check'],
      detail: {},
    });
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(events).toHaveLength(3);

    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(events).toHaveLength(3);
  });

  it('skips a tick while the previous run of the same schedule is still going', async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<ScheduleRun>((resolve) => {
        release = () => resolve({});
      });
    };
    const scheduler = new LocalScheduler([{ name: 'slow', service: 'recruitment', rateMinutes: 1, handler: slow }]);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    release();
    await scheduler.stop();
  });

  it('runs a schedule on demand, as of a given time, and names the declared ones when asked for another', async () => {
    const { events, handler } = recorder();
    const scheduler = new LocalScheduler([{ name: 'secondment-check', service: 'recruitment', rateMinutes: 60, handler }]);
    expect(await scheduler.run('secondment-check', { time: new Date('2031-02-03T04:05:06Z') })).toEqual({ ran: 1 });
    expect(events[0]!.time).toBe('2031-02-03T04:05:06Z');
    await expect(scheduler.run('nightly')).rejects.toThrow('no schedule nightly; declared: secondment-check');
  });
});

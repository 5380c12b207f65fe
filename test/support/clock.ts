/**
 * A clock a test moves: the machine's time plus an offset the test sets. Given to the local cloud
 * (`startTestCloud({ clock: clock.now })`), it is the time the gateway stamps on each request, so a
 * test reaches the end of an application window by moving the clock past it, never by waiting for
 * real time to pass (which a busy machine makes unpredictable).
 */
export class TestClock {
  private offsetMs = 0;

  /** The clock's time in epoch milliseconds. */
  readonly now = (): number => Date.now() + this.offsetMs;

  /** The clock's time as an ISO instant. */
  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves the clock on by `ms` (never back: time the platform has seen stays seen). */
  advance(ms: number): void {
    if (ms < 0) throw new Error('the test clock only moves forward');
    this.offsetMs += ms;
  }

  /**
   * Moves the clock on to the next time the UTC clock reads `hour`:00 (04:00 UTC is noon in China),
   * so that a test which reads "today" and acts on it stays well inside one calendar day.
   */
  advanceToUtcHour(hour: number): void {
    const now = new Date(this.now());
    const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
    this.advance((target > now.getTime() ? target : target + 86_400_000) - now.getTime());
  }

  /** Moves the clock to just after `instant`. */
  passInstant(instant: string): void {
    const ahead = Date.parse(instant) + 1 - this.now();
    if (ahead > 0) this.advance(ahead);
  }
}

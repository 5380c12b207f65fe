import { useEffect, useState } from 'react';
import { useFormat, useT } from '../../../i18n/index.tsx';

const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * The time now, ticking each second: one timer for every countdown on the page, stopped when the
 * last one goes.
 */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    listeners.add(setNow);
    timer ??= setInterval(() => {
      const tick = Date.now();
      for (const listener of listeners) listener(tick);
    }, 1_000);
    return () => {
      listeners.delete(setNow);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now;
}

/** A length of time in words: days and hours, hours and minutes, or minutes and seconds. */
export function useDuration() {
  const t = useT();
  return (ms: number) => {
    const seconds = Math.floor(Math.abs(ms) / 1_000);
    const d = Math.floor(seconds / 86_400);
    const h = Math.floor((seconds % 86_400) / 3_600);
    const m = Math.floor((seconds % 3_600) / 60);
    const s = seconds % 60;
    if (d > 0) return t('street.duration.days', { d, h });
    if (h > 0) return t('street.duration.hours', { h, m });
    return t('street.duration.minutes', { m, s });
  };
}

/**
 * A deadline with the time left, live: its date and time in China time, then "23 min 10 s left"
 * or, once passed, "overdue by …" in words and in the error colour. The ticking text is not a live
 * region (a screen reader would hear it every second); the deadline itself is read once.
 */
export function Countdown({ dueBy, label }: { dueBy: string; label: string }) {
  const t = useT();
  const format = useFormat();
  const now = useNow();
  const duration = useDuration();
  const left = Date.parse(dueBy) - now;
  const overdue = left < 0;
  return (
    <p className={overdue ? 'countdown countdown-overdue' : 'countdown'}>
      <span className="countdown-label">{label}</span> <time dateTime={dueBy}>{format.dateTime(dueBy)}</time>{' '}
      <strong>{overdue ? t('street.countdown.overdue', { time: duration(left) }) : t('street.countdown.left', { time: duration(left) })}</strong>
    </p>
  );
}

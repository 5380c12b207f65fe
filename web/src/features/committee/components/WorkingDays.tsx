import { useT } from '../../../i18n/index.tsx';
import { Countdown, useNow } from '../../street/components/Countdown.tsx';

const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Working days (Monday to Friday, China time, as authority counts them) from today up to and
 * including the deadline's day; 0 once the deadline has passed.
 */
export function workingDaysLeft(now: number, dueBy: string): number {
  const due = Date.parse(dueBy);
  if (due <= now) return 0;
  const last = chinaDay(due);
  let count = 0;
  for (let day = now; chinaDay(day) <= last; day += DAY) {
    const weekday = new Date(`${chinaDay(day)}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** A deadline counted in working days, with its date and a live countdown; overdue in words. */
export function WorkingDeadline({ dueBy, label }: { dueBy: string; label: string }) {
  const t = useT();
  const now = useNow();
  const left = workingDaysLeft(now, dueBy);
  return (
    <>
      <Countdown dueBy={dueBy} label={label} />
      {left > 0 ? <p className="hint">{t('committee.workingDaysLeft', { count: left })}</p> : null}
    </>
  );
}

import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import type { BoardPosition } from '../api/positions.ts';

/** A position's eligibility in plain words, one condition a line. */
export function Eligibility({ eligibility }: { eligibility: BoardPosition['eligibility'] }) {
  const t = useT();
  const format = useFormat();
  const pools = format.list(eligibility.sourcePools.map((pool) => t(`pool.${pool}` as MessageKey)));
  return (
    <ul className="eligibility">
      <li>{t('elig.pools', { pools })}</li>
      {eligibility.minYearsOfService !== undefined ? <li>{t('elig.years', { years: eligibility.minYearsOfService })}</li> : null}
      {eligibility.maxAge !== undefined ? <li>{t('elig.age', { age: eligibility.maxAge })}</li> : null}
      {eligibility.minEducation !== undefined ? (
        <li>{t('elig.education', { education: t(`edu.${eligibility.minEducation}` as MessageKey) })}</li>
      ) : null}
    </ul>
  );
}

/** Whether it takes applications now, in words and not by colour alone. */
export function WindowTag({ window }: { window: BoardPosition['window'] }) {
  return <span className={`tag tag-${window}`}>{useT()(`window.${window}` as MessageKey)}</span>;
}

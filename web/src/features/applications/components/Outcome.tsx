import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import type { BoardPosition } from '../../jobs/api/positions.ts';
import type { Application } from '../api/applications.ts';

/** Age in whole years on a calendar day, as screening counts it (services/recruitment/calendar.ts). */
function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
/** The district's calendar day of an instant (China time). */
const districtDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The screening result and every reason in words, from the rule that failed, the position's
 * eligibility and the profile the applicant gave (the server's own sentences are English only).
 */
export function Outcome({ application, position }: { application: Application; position?: BoardPosition }) {
  const t = useT();
  const format = useFormat();
  const { profile } = application;
  const eligibility = position?.eligibility;
  const reasonText = (rule: Application['reasons'][number]['rule'], fallback: string) => {
    if (!eligibility || !position) return fallback;
    switch (rule) {
      case 'source-pool':
        return t('reason.source-pool', {
          pools: format.list(eligibility.sourcePools.map((p) => t(`pool.${p}` as MessageKey))),
          role: t(`pool.${profile.currentRole}` as MessageKey),
        });
      case 'years-of-service':
        return t('reason.years-of-service', { min: eligibility.minYearsOfService ?? 0, years: profile.yearsOfService });
      case 'age': {
        const day = districtDay(position.opensAt);
        return t('reason.age', { max: eligibility.maxAge ?? 0, day: format.day(day), age: ageOn(profile.birthDate, day) });
      }
      case 'education':
        return t('reason.education', {
          min: t(`edu.${eligibility.minEducation ?? profile.education}` as MessageKey),
          education: t(`edu.${profile.education}` as MessageKey),
        });
    }
  };
  return (
    <div className={`outcome outcome-${application.status}`}>
      <p>
        <strong className={`tag tag-${application.status}`}>{t(`status.${application.status}` as MessageKey)}</strong>{' '}
        {t('myapps.submitted', { date: format.dateTime(application.submittedAt) })}
      </p>
      {application.status === 'eligible' ? <p>{t('result.eligible')}</p> : null}
      {application.reasons.length > 0 ? (
        <>
          <p>{t('result.ineligible')}</p>
          <ul className="reasons">
            {application.reasons.map((reason) => (
              <li key={reason.rule}>{reasonText(reason.rule, reason.message)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {application.score !== undefined ? <p>{t('myapps.score', { score: format.number(application.score) })}</p> : null}
      {application.rank !== undefined ? <p>{t('myapps.rank', { rank: application.rank })}</p> : null}
    </div>
  );
}

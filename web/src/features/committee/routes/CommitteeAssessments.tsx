import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { allOf, ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { departmentName } from '../../department/names.ts';
import { streetAssessments, type Assessment, type AssessmentStatus } from '../api/assessments.ts';
import { AssessForm } from '../components/AssessForm.tsx';

const STATUSES = allOf<AssessmentStatus>()(['awaiting-street', 'awaiting-department', 'complete']);
const href = (status: AssessmentStatus, cursor?: string) => `/committee/assessments?${new URLSearchParams({ status, ...(cursor ? { cursor } : {}) }).toString()}`;
const keyOf = (a: Pick<Assessment, 'staffId' | 'period'>) => `${a.staffId}#${a.period}`;

/** One side of an assessment in words: the score, when, and the comment. */
function Side({ label, side }: { label: string; side: NonNullable<Assessment['byStreet']> }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {t('committee.assessments.sideText', { score: format.number(side.score), at: format.dateTime(side.assessedAt) })}
        <span className="hint">{side.comment}</span>
      </dd>
    </>
  );
}

/** A member's assessment for a period: who stations them, each side given, and the combined score once both are in. */
function AssessmentCard({ item, onAssessed }: { item: Assessment; onAssessed: (a: Assessment) => void }) {
  const t = useT();
  const format = useFormat();
  const weight = Math.round(item.streetWeight * 100);
  return (
    <li className="card">
      <h3>{t('committee.assessments.heading', { staff: item.staffId, period: item.period })}</h3>
      <dl className="facts">
        <dt>{t('committee.case.department')}</dt>
        <dd>{departmentName(t, item.department)}</dd>
        {item.byStreet ? <Side label={t('committee.assessments.byStreet')} side={item.byStreet} /> : null}
        {item.byDepartment ? (
          item.byStreet ? (
            <Side label={t('committee.assessments.byDepartment')} side={item.byDepartment} />
          ) : (
            <>
              <dt>{t('committee.assessments.byDepartment')}</dt>
              <dd>{t('committee.assessments.departmentGiven', { at: format.dateTime(item.byDepartment.assessedAt) })}</dd>
            </>
          )
        ) : (
          <>
            <dt>{t('committee.assessments.byDepartment')}</dt>
            <dd>{t('committee.assessments.departmentPending')}</dd>
          </>
        )}
        <dt>{t('committee.assessments.combined')}</dt>
        <dd>
          {item.combinedScore === null
            ? t('committee.assessments.combinedPending')
            : t('committee.assessments.combinedText', { score: format.number(item.combinedScore), street: weight, department: 100 - weight })}
        </dd>
      </dl>
      {item.byStreet ? null : <AssessForm fixed={item} onAssessed={onAssessed} />}
    </li>
  );
}

/**
 * The street committee's part of the double assessment of staff that departments station in the
 * street: the members the department has assessed and the committee must (its own side kept from
 * the department's score until both are in), those waiting for the department, and the results.
 */
export function CommitteeAssessments() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as AssessmentStatus) : 'awaiting-street';
  const cursor = params.get('cursor') ?? undefined;
  const [chosen, setChosen] = useState(status);
  const [done, setDone] = useState<Record<string, Assessment>>({});
  const [last, setLast] = useState<Assessment>();
  const committee = session?.roles.includes('street-committee') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const loaded = useLoad(
    () => (committee ? streetAssessments(street, status, cursor) : Promise.reject(new ApiError(session ? 403 : 401))),
    [street, status, cursor, session?.sub],
  );
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const assessed = (a: Assessment) => {
    setDone({ ...done, [keyOf(a)]: a });
    setLast(a);
  };
  return (
    <Page title={t('committee.assessments.title', { street: nameOf(street, locale) })} lead={t('committee.assessments.intro')}>
      {last ? (
        <div className="notice" role="status">
          <p>
            {last.combinedScore === null
              ? t('committee.assessments.recorded', { staff: last.staffId, period: last.period })
              : t('committee.assessments.recordedCombined', { staff: last.staffId, period: last.period, score: last.combinedScore })}
          </p>
        </div>
      ) : null}
      <form
        className="filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          navigate(href(chosen));
        }}
      >
        <div className="field">
          <label htmlFor="status">{t('committee.consents.status')}</label>
          <select id="status" value={chosen} onChange={(e) => setChosen(e.target.value as AssessmentStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`committee.assessments.filter.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('committee.consents.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <section aria-labelledby="assessments-list">
          <h2 id="assessments-list">{t(`committee.assessments.filter.${status}` as MessageKey)}</h2>
          <p role="status">{loaded.data.items.length === 0 ? t(`committee.assessments.empty.${status}` as MessageKey) : t('committee.assessments.order')}</p>
          <ul className="cards">
            {loaded.data.items.map((listed) => (
              <AssessmentCard key={keyOf(listed)} item={done[keyOf(listed)] ?? listed} onAssessed={assessed} />
            ))}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(status, next)} />
        </section>
      )}
      <section aria-labelledby="assess-new-title">
        <h2 id="assess-new-title">{t('committee.assess.newTitle')}</h2>
        <p>{t('committee.assess.newIntro')}</p>
        <AssessForm onAssessed={assessed} />
      </section>
    </Page>
  );
}

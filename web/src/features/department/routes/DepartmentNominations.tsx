import { useEffect, useState } from 'react';
import { useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { WorkingDeadline } from '../../committee/components/WorkingDays.tsx';
import { appointment, nominations, type Appointment } from '../api/nominations.ts';
import { NominationForm } from '../components/NominationForm.tsx';
import { departmentName } from '../names.ts';

const POLL_MS = 1_500;

/** One nomination and where it stands: awaiting the street's consent (and by when), confirmed, or rejected with the written opinion. */
function NominationCard({ item }: { item: Appointment }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const titleId = `nomination-${item.id}`;
  return (
    <li className="card">
      <h3 id={titleId}>{t('department.nomination.heading', { agency: item.agency, nominee: item.nominee.name })}</h3>
      <p>
        <span className={`tag tag-appointment-${item.status}`}>{t(`department.appointment.${item.status}` as MessageKey)}</span>
      </p>
      {item.status === 'awaiting-consent' ? (
        item.consentDueBy ? (
          <WorkingDeadline dueBy={item.consentDueBy} label={t('department.nomination.due')} />
        ) : (
          <p role="status">{t('department.nomination.opening')}</p>
        )
      ) : null}
      <dl className="facts">
        <dt>{t('department.nomination.street')}</dt>
        <dd>{nameOf(item.street, locale)}</dd>
        <dt>{t('department.nomination.action')}</dt>
        <dd>{t(`department.action.${item.action}` as MessageKey)}</dd>
        <dt>{t('department.nomination.reason')}</dt>
        <dd>{item.reason}</dd>
        <dt>{t('department.nomination.requested')}</dt>
        <dd>
          <time dateTime={item.requestedAt}>{format.dateTime(item.requestedAt)}</time>
        </dd>
        {item.decidedAt ? (
          <>
            <dt>{t('department.nomination.decided')}</dt>
            <dd>
              <time dateTime={item.decidedAt}>{format.dateTime(item.decidedAt)}</time>
            </dd>
          </>
        ) : null}
        {item.writtenOpinion ? (
          <>
            <dt>{t('department.nomination.opinion')}</dt>
            <dd>{item.writtenOpinion}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/**
 * A department's nominations of agency heads in the streets, and where each stands with the
 * street committee's consent. A new nomination is followed until its consent case is open.
 */
export function DepartmentNominations() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const department = session?.roles.includes('department') ? session.department : undefined;
  const [fresh, setFresh] = useState<Appointment>();
  const loaded = useLoad(() => (department ? nominations(cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [cursor, department, fresh?.id], { keep: true });
  // Long work: the consent case is opened from the nomination's event; poll until the nomination names it.
  useEffect(() => {
    if (!fresh || fresh.consentDueBy || fresh.status !== 'awaiting-consent') return;
    const timer = setTimeout(() => {
      appointment(fresh.id).then(setFresh, () => setFresh({ ...fresh }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [fresh]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('department.nominations.title', { department: department ? departmentName(t, department) : '' })} lead={t('department.nominations.intro')}>
      {fresh ? (
        <div className="notice" role="status">
          <p>
            {fresh.consentDueBy
              ? t('department.nominate.opened', { nominee: fresh.nominee.name, street: nameOf(fresh.street, locale) })
              : t('department.nominate.done', { nominee: fresh.nominee.name })}
          </p>
        </div>
      ) : null}
      <NominationForm onNominated={setFresh} />
      <section aria-labelledby="nominations-title">
        <h2 id="nominations-title">{t('department.nominations.listTitle')}</h2>
        {loaded.state === 'loading' ? (
          <Loading />
        ) : (
          <>
            {loaded.data.items.length === 0 ? <p role="status">{t('department.nominations.empty')}</p> : null}
            <ul className="cards">
              {loaded.data.items.map((item) => (
                <NominationCard key={item.id} item={fresh?.id === item.id ? fresh : item} />
              ))}
            </ul>
            <Pager
              {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})}
              paged={Boolean(cursor)}
              hrefFor={(next) => (next ? `/department/nominations?cursor=${encodeURIComponent(next)}` : '/department/nominations')}
            />
          </>
        )}
      </section>
    </Page>
  );
}

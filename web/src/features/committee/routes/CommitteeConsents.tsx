import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { departmentName } from '../../department/names.ts';
import { consents, type ConsentCase, type ConsentStatus } from '../api/consents.ts';
import { DecisionForm } from '../components/DecisionForm.tsx';
import { WorkingDeadline } from '../components/WorkingDays.tsx';

const STATUSES: readonly ConsentStatus[] = ['pending', 'granted', 'refused'];
const href = (status: ConsentStatus, cursor?: string) => `/committee/consents?${new URLSearchParams({ status, ...(cursor ? { cursor } : {}) }).toString()}`;

function CaseCard({ item, onDecided }: { item: ConsentCase; onDecided: (decided: ConsentCase) => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="card">
      <h3>{t('committee.case.heading', { action: t(`department.action.${item.action}` as MessageKey), nominee: item.nominee.name, agency: item.agency })}</h3>
      <p>
        <span className={`tag tag-consent-${item.status}`}>{t(`committee.status.${item.status}` as MessageKey)}</span>
        {item.late ? (
          <>
            {' '}
            <span className="tag tag-ended">{t('committee.case.late')}</span>
          </>
        ) : null}
      </p>
      {item.status === 'pending' ? <WorkingDeadline dueBy={item.dueBy} label={t('committee.case.due')} /> : null}
      <dl className="facts">
        <dt>{t('committee.case.department')}</dt>
        <dd>{departmentName(t, item.department)}</dd>
        <dt>{t('committee.case.reason')}</dt>
        <dd>{item.reason}</dd>
        <dt>{t('committee.case.opened')}</dt>
        <dd>
          <time dateTime={item.openedAt}>{format.dateTime(item.openedAt)}</time>
        </dd>
        {item.decidedAt ? (
          <>
            <dt>{t('committee.case.decided')}</dt>
            <dd>
              <time dateTime={item.decidedAt}>{format.dateTime(item.decidedAt)}</time>
            </dd>
          </>
        ) : null}
        {item.writtenOpinion ? (
          <>
            <dt>{t('committee.case.opinion')}</dt>
            <dd>{item.writtenOpinion}</dd>
          </>
        ) : null}
      </dl>
      {item.status === 'pending' ? <DecisionForm item={item} onDecided={onDecided} /> : null}
    </li>
  );
}

/**
 * The street party committee's consent cases: appointments and removals of the heads of agencies
 * departments station in the street, each due within 15 working days, decided in writing.
 */
export function CommitteeConsents() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ConsentStatus) : 'pending';
  const cursor = params.get('cursor') ?? undefined;
  const [chosen, setChosen] = useState(status);
  const [decided, setDecided] = useState<Record<string, ConsentCase>>({});
  const [done, setDone] = useState<ConsentCase>();
  const committee = session?.roles.includes('street-committee') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const loaded = useLoad(() => (committee ? consents(status, cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [status, cursor, session?.sub]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const onDecided = (item: ConsentCase) => {
    setDecided({ ...decided, [item.id]: item });
    setDone(item);
  };
  return (
    <Page title={t('committee.consents.title', { street: nameOf(street, locale) })} lead={t('committee.consents.intro')}>
      <form
        className="filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setDone(undefined);
          navigate(href(chosen));
        }}
      >
        <div className="field">
          <label htmlFor="status">{t('committee.consents.status')}</label>
          <select id="status" value={chosen} onChange={(e) => setChosen(e.target.value as ConsentStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`committee.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('committee.consents.show')}</button>
      </form>
      {done ? (
        <div className="notice" role="status">
          <p>{t(done.status === 'granted' ? 'committee.decide.grantedDone' : 'committee.decide.refusedDone', { nominee: done.nominee.name })}</p>
        </div>
      ) : null}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <p role="status">{loaded.data.items.length === 0 ? t(`committee.consents.empty.${status}` as MessageKey) : t(status === 'pending' ? 'committee.consents.order' : 'committee.consents.orderDecided')}</p>
          <ul className="cards">
            {loaded.data.items.map((item) => (
              <CaseCard key={item.id} item={decided[item.id] ?? item} onDecided={onDecided} />
            ))}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(status, next)} />
        </>
      )}
    </Page>
  );
}

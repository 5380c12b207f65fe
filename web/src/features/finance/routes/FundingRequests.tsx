import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { districtToday, nameOf } from '../../../lib/places.ts';
import { fundingRequests, type DecisionAnswer, type FundingRequest, type RequestStatus } from '../api/finance.ts';
import { DecisionForm } from '../components/DecisionForm.tsx';
import { useMoney } from '../components/money.ts';

const STATUSES: readonly RequestStatus[] = ['open', 'approved', 'declined'];

/** What asked for the money: a joint meeting's decision, or a community's remediation plan. */
function Origin({ request }: { request: FundingRequest }) {
  const t = useT();
  const { locale } = useLocale();
  const place = request.community ? nameOf(request.community, locale) : nameOf(request.street, locale);
  return request.kind === 'FundingRequested' ? (
    <p>{t('finance.fromMeeting', { street: place, department: request.details.ownerDepartment ?? '—' })}</p>
  ) : (
    <p>{t('finance.fromRemediation', { community: place, shortfall: request.details.shortfallM2 ?? 0 })}</p>
  );
}

/**
 * Finance's funding requests: what asked for each and how much, oldest first; an open one is
 * approved from a pool of its street or declined with a reason, right here.
 */
export function FundingRequests() {
  const t = useT();
  const format = useFormat();
  const money = useMoney();
  const session = useSession();
  const params = new URLSearchParams(useSearch());
  const asked = params.get('status');
  const status: RequestStatus = (STATUSES as readonly string[]).includes(asked ?? '') ? (asked as RequestStatus) : 'open';
  const cursor = params.get('cursor') ?? undefined;
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  const may = session?.roles.includes('finance') ?? false;
  const loaded = useLoad(
    () => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : fundingRequests(status, cursor)),
    [status, cursor, version, session?.sub],
    { keep: true },
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const year = Number(districtToday().slice(0, 4));
  const decided = (answer: DecisionAnswer) => {
    const request = answer;
    setNotice(
      request.status === 'approved'
        ? t('finance.approved', { purpose: request.purpose, amount: money(request.grantedFen ?? request.amountFen) })
        : t('finance.declined', { purpose: request.purpose }),
    );
    setVersion((v) => v + 1);
  };
  const hrefFor = (next?: string) => `/finance/requests?status=${status}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`;
  return (
    <Page title={t('finance.requestsTitle')} lead={t('finance.requestsLead')}>
      <nav aria-label={t('finance.statusNav')} className="tabs">
        <ul>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/finance/requests?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {t(`finance.status.${s}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {loaded.data.items.length === 0 ? (
        <p>{t(`finance.none.${status}` as MessageKey)}</p>
      ) : (
        <ul className="cards">
          {loaded.data.items.map((request) => (
            <li key={request.id} className="card">
              <article aria-labelledby={`request-${request.id}`}>
                <h2 id={`request-${request.id}`}>{request.purpose}</h2>
                <p className="figure">{t('finance.asked', { amount: money(request.amountFen) })}</p>
                <Origin request={request} />
                <p className="hint">{t('finance.received', { when: format.dateTime(request.receivedAt) })}</p>
                {request.status === 'approved' ? (
                  <p>{t('finance.approvedLine', { amount: money(request.grantedFen ?? request.amountFen), when: format.dateTime(request.decidedAt ?? request.receivedAt) })}</p>
                ) : null}
                {request.status === 'declined' ? (
                  <p>{t('finance.declinedLine', { reason: request.reason ?? '', when: format.dateTime(request.decidedAt ?? request.receivedAt) })}</p>
                ) : null}
                {request.status === 'open' ? <DecisionForm request={request} year={year} onDecided={decided} /> : null}
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} hrefFor={hrefFor} paged={Boolean(cursor)} />
    </Page>
  );
}

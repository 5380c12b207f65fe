import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { useMoney } from '../../finance/components/money.ts';
import { meeting, type Decision } from '../api/district.ts';
import { DecisionForm } from '../components/DecisionForm.tsx';

const POLL_MS = 2_000;

function Money({ decision }: { decision: Decision }) {
  const t = useT();
  const money = useMoney();
  const f = decision.funding;
  if (!f) return <p>{t('district.noMoney')}</p>;
  if (f.status === 'requested') return <p role="status">{t('district.moneyRequested', { amount: money(f.amountFen) })}</p>;
  if (f.status === 'allocated') return <p>{t('district.moneyAllocated', { amount: money(f.amountFen), granted: money(f.allocatedFen ?? f.amountFen) })}</p>;
  return <p>{t('district.moneyDeclined', { amount: money(f.amountFen), reason: f.reason ?? '' })}</p>;
}

/**
 * One joint meeting: when and where (premises' answer, polled until it comes), the escalated issues on
 * its agenda, its decisions with owner, deadline and money (polled while finance has not answered),
 * and a decision recorded.
 */
export function MeetingPage() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const { id } = useParams<{ id: string }>();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  const may = session?.roles.includes('district-admin') ?? false;
  const loaded = useLoad(() => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : meeting(id)), [id, version, session?.sub], {
    keep: true,
  });
  const waiting =
    loaded.state === 'ready' && (loaded.data.venue.status === 'requested' || loaded.data.decisions.some((d) => d.funding?.status === 'requested'));
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, version]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const m = loaded.data;
  return (
    <Page title={m.title}>
      <p>
        <Link href="/district/meetings">{t('district.backToMeetings')}</Link>
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('district.f.date')}</dt>
        <dd>{t('district.when', { from: format.dateTime(m.startsAt), to: format.time(m.endsAt) })}</dd>
        <dt>{t('district.f.hostStreet')}</dt>
        <dd>{nameOf(m.hostStreet, locale)}</dd>
        <dt>{t('district.venueLabel')}</dt>
        <dd aria-live="polite">
          {m.venue.status === 'booked'
            ? t('district.venueBooked', { room: m.venue.roomName ?? '', address: m.venue.address ?? '', community: m.venue.community ? nameOf(m.venue.community, locale) : '' })
            : m.venue.status === 'unavailable'
              ? t('district.venueUnavailable', { reason: m.venue.reason ?? '' })
              : t('district.venueWaiting')}
        </dd>
        <dt>{t('district.members')}</dt>
        <dd>{[...m.streets.map((s) => nameOf(s, locale)), ...m.departments, ...m.zoneCommittees].join('、') || '—'}</dd>
      </dl>
      <h2>{t('district.agenda')}</h2>
      {m.agenda.length ? (
        <ol>
          {m.agenda.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      ) : (
        <p>{t('district.noAgenda')}</p>
      )}
      <h2>{t('district.escalated')}</h2>
      {m.escalatedIssues.length ? (
        <ul className="cards">
          {m.escalatedIssues.map((issue) => (
            <li key={issue.issueId} className="card">
              <p>
                {t(`district.reason.${issue.reason}` as MessageKey, {
                  street: nameOf(issue.street, locale),
                  departments: issue.departments.join('、'),
                  when: format.dateTime(issue.escalatedAt),
                })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('district.noEscalated')}</p>
      )}
      <h2>{t('district.decisions')}</h2>
      {m.decisions.length ? (
        <ul className="cards">
          {m.decisions.map((d) => (
            <li key={d.id} className="card">
              <article aria-labelledby={`decision-${d.id}`}>
                <h3 id={`decision-${d.id}`}>{d.title}</h3>
                <p>{t('district.decisionLine', { owner: d.ownerDepartment, deadline: format.day(d.deadline), street: d.street ? nameOf(d.street, locale) : '—' })}</p>
                <Money decision={d} />
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('district.noDecisions')}</p>
      )}
      <DecisionForm
        meeting={m}
        onRecorded={(d) => {
          setNotice(t('district.recorded', { title: d.title }));
          setVersion((v) => v + 1);
        }}
      />
    </Page>
  );
}

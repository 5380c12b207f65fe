import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import {
  allEligible,
  applications,
  close,
  positionById,
  ranked,
  score,
  type ApplicationStatus,
  type Closing,
  type OfficeApplication,
} from '../api/organization.ts';

const STATUSES: readonly ApplicationStatus[] = ['eligible', 'ineligible', 'hired', 'not-selected'];

/** An exam score for one eligible application: 0–100, as the route takes it. */
function ScoreForm({ application, onScored }: { application: OfficeApplication; onScored: (a: OfficeApplication) => void }) {
  const t = useT();
  const [value, setValue] = useState(application.score === undefined ? '' : String(application.score));
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const id = `score-${application.id}`;
  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      onScored(await score(application.id, Number(value)));
      setError(undefined);
    } catch (failure) {
      const e = failure instanceof ApiError ? failure : new ApiError('network');
      if (e.status === 'network') setOffline(true);
      else setError(e.problem?.detail ?? t('organization.v.refused'));
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (!/^\d{1,3}(\.\d)?$/.test(value.trim()) || n < 0 || n > 100) setError(t('organization.v.score'));
    else void send();
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <div className={error ? 'field field-error' : 'field'}>
        <label htmlFor={id}>{t('organization.scoreOf', { name: application.name })}</label>
        {error ? (
          <span className="error-message" id={`${id}-error`} role="alert">
            {error}
          </span>
        ) : null}
        <input id={id} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <button type="submit" className="secondary" disabled={sending}>
        {t('organization.saveScore', { name: application.name })}
      </button>
    </form>
  );
}

/** Closing: the ranking the service will apply, shown first; confirmed, the hires and how many were not selected. */
function ClosePanel({ positionId, quota, ended, onClosed }: { positionId: string; quota: number; ended: boolean; onClosed: (c: Closing) => void }) {
  const t = useT();
  const [preview, setPreview] = useState<{ ranked: OfficeApplication[]; unscored: number }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const eligible = await allEligible(positionId);
      setPreview({ ranked: ranked(eligible), unscored: eligible.filter((a) => a.score === undefined).length });
    } catch (e) {
      setError(e instanceof ApiError && e.problem ? e.problem.detail : t('error.network.body'));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onClosed(await close(positionId));
    } catch (e) {
      setError(e instanceof ApiError && e.problem ? e.problem.detail : t('error.network.body'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title">{t('organization.closeTitle')}</h2>
      <p>{ended ? t('organization.closeIntro', { quota }) : t('organization.closeNotYet')}</p>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {!preview ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void show()}>
          {t('organization.showRanking')}
        </button>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-labelledby="ranking-caption" tabIndex={0}>
            <table>
              <caption id="ranking-caption">{t('organization.rankingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organization.rank')}</th>
                  <th scope="col">{t('organization.name')}</th>
                  <th scope="col">{t('organization.score')}</th>
                  <th scope="col">{t('organization.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.ranked.map((a, i) => (
                  <tr key={a.id}>
                    <td>{i + 1}</td>
                    <th scope="row">{a.name}</th>
                    <td>{a.score}</td>
                    <td>{i < quota ? t('organization.willHire') : t('organization.willNotSelect')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.unscored ? <p className="hint">{t('organization.unscored', { count: preview.unscored })}</p> : null}
          <button type="button" disabled={busy || !ended} onClick={() => void confirm()}>
            {t('organization.confirmClose', { count: Math.min(quota, preview.ranked.length) })}
          </button>
        </>
      )}
    </section>
  );
}

/** One position in the office: its applications with screening and scores, scoring, and closing with the ranked result shown first. */
export function PositionOffice() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const { id } = useParams<{ id: string }>();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ApplicationStatus) : undefined;
  const cursor = params.get('cursor') ?? undefined;
  const [version, setVersion] = useState(0);
  const [closing, setClosing] = useState<Closing>();
  const may = session?.roles.includes('organization-dept') ?? false;
  const loaded = useLoad(
    async () => {
      if (!session) throw new ApiError(401);
      if (!may) throw new ApiError(403);
      const [position, page] = await Promise.all([positionById(id), applications(id, status, cursor)]);
      return { position, page };
    },
    [id, status, cursor, version, session?.sub],
    { keep: true },
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const { position, page } = loaded.data;
  const base = `/organization/positions/${id}`;
  const hrefOf = (s?: ApplicationStatus, c?: string) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (c) q.set('cursor', c);
    return q.size ? `${base}?${q}` : base;
  };
  const scored = () => setVersion((v) => v + 1);
  return (
    <Page title={position.title}>
      <p>
        {nameOf(position.street, locale)} · {t(`kind.${position.kind}` as MessageKey)} · {t('organization.quota', { quota: position.quota })} ·{' '}
        {t(`organization.pstatus.${position.status}` as MessageKey)}
      </p>
      <p className="hint">{t('organization.window', { opens: format.dateTime(position.opensAt), closes: format.dateTime(position.closesAt) })}</p>
      {closing ? (
        <div className="notice" role="status">
          <h2>{t('organization.closed', { count: closing.hired.length })}</h2>
          <ul>
            {closing.hired.map((h) => (
              <li key={h.staffId}>{t('organization.hireLine', { rank: h.rank, name: h.name, score: h.score })}</li>
            ))}
          </ul>
          <p>{t('organization.notSelected', { count: closing.notSelected })}</p>
        </div>
      ) : null}
      <nav aria-label={t('organization.appNav')} className="tabs">
        <ul>
          <li>
            <Link href={hrefOf()} aria-current={!status ? 'page' : undefined}>
              {t('organization.all')}
            </Link>
          </li>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link href={hrefOf(s)} aria-current={s === status ? 'page' : undefined}>
                {t(`status.${s}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <p>{t('organization.noApplications')}</p>
      ) : (
        <ul className="cards">
          {page.items.map((a) => (
            <li key={a.id} className="card">
              <h2>{a.name}</h2>
              <p>
                {t(`status.${a.status}` as MessageKey)}
                {a.score !== undefined ? ` · ${t('organization.scored', { score: a.score })}` : ''}
                {a.rank !== undefined ? ` · ${t('organization.ranked', { rank: a.rank })}` : ''}
              </p>
              <p className="hint">
                {t('organization.profile', {
                  education: t(`edu.${a.profile.education}` as MessageKey),
                  role: t(`pool.${a.profile.currentRole}` as MessageKey),
                  years: a.profile.yearsOfService,
                  submitted: format.dateTime(a.submittedAt),
                })}
              </p>
              {a.reasons.length ? (
                <ul className="reasons">
                  {a.reasons.map((r) => (
                    <li key={r.rule}>{t(`organization.rule.${r.rule}` as MessageKey)}</li>
                  ))}
                </ul>
              ) : null}
              {a.status === 'eligible' && position.status === 'published' ? <ScoreForm application={a} onScored={scored} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pager {...(page.cursor ? { cursor: page.cursor } : {})} hrefFor={(c) => hrefOf(status, c)} paged={Boolean(cursor)} />
      {position.status === 'published' && !closing ? (
        <ClosePanel
          positionId={position.id}
          quota={position.quota}
          ended={position.window === 'ended'}
          onClosed={(c) => {
            setClosing(c);
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
    </Page>
  );
}

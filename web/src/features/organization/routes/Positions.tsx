import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { drafts, positions, type ListedStatus, type OfficePosition } from '../api/organization.ts';
import { DraftCard } from '../components/DraftCard.tsx';
import { DraftForm } from '../components/DraftForm.tsx';

type Shown = ListedStatus | 'draft';
const STATUSES: readonly Shown[] = ['draft', 'published', 'closed', 'filled'];

/**
 * The organization department's positions of a street: drafts (published from here within the plan),
 * published, closed and filled; and a new one drafted, then published now or left among the drafts.
 */
export function Positions() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const street = STREETS.some((s) => s.id === params.get('street')) ? params.get('street')! : STREETS[0]!.id;
  const status: Shown = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Shown) : 'published';
  const cursor = params.get('cursor') ?? undefined;
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [choice, setChoice] = useState(street);
  const may = session?.roles.includes('organization-dept') ?? false;
  const loaded = useLoad(
    (): Promise<{ items: ReadonlyArray<OfficePosition | Awaited<ReturnType<typeof positions>>['items'][number]>; cursor?: string }> =>
      !session
        ? Promise.reject(new ApiError(401))
        : !may
          ? Promise.reject(new ApiError(403))
          : status === 'draft'
            ? drafts(street, cursor)
            : positions({ street, status, ...(cursor ? { cursor } : {}) }),
    [street, status, cursor, version, session?.sub],
    { keep: true },
  );
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const hrefOf = (s: string, st: Shown, c?: string) => `/organization/positions?street=${encodeURIComponent(s)}&status=${st}${c ? `&cursor=${encodeURIComponent(c)}` : ''}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(hrefOf(choice, status));
  };
  const published = (p: OfficePosition) => {
    setNotice(t('organization.publishedNotice', { title: p.title, street: nameOf(p.street, locale) }));
    if (p.street !== street || status !== 'published') navigate(hrefOf(p.street, 'published'));
    else setVersion((v) => v + 1);
  };
  return (
    <Page title={t('organization.positionsTitle')} lead={t('organization.positionsLead')}>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="positions-street">{t('organization.street')}</label>
          <select id="positions-street" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {STREETS.map((s) => (
              <option key={s.id} value={s.id}>
                {nameOf(s.id, locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('organization.show')}</button>
      </form>
      <nav aria-label={t('organization.statusNav')} className="tabs">
        <ul>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link href={hrefOf(street, s)} aria-current={s === status ? 'page' : undefined}>
                {t(`organization.pstatus.${s}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p>{status === 'draft' ? t('organization.drafts.none', { street: nameOf(street, locale) }) : t('organization.noPositions', { street: nameOf(street, locale) })}</p>
      ) : status === 'draft' ? (
        <ul className="cards">
          {loaded.data.items.map((p) => (
            <DraftCard key={p.id} position={p as OfficePosition} now={Date.now()} onPublished={published} />
          ))}
        </ul>
      ) : (
        <ul className="cards">
          {loaded.data.items.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link href={`/organization/positions/${p.id}`}>{p.title}</Link>
              </h2>
              <p>
                {t(`kind.${p.kind}` as MessageKey)} · {t('organization.quota', { quota: p.quota })} · {t(`window.${p.window}` as MessageKey)}
              </p>
              <p className="hint">{t('organization.window', { opens: format.dateTime(p.opensAt), closes: format.dateTime(p.closesAt) })}</p>
              {p.status === 'filled' ? <p>{t('organization.hiredCount', { count: p.hired ?? 0 })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {loaded.state === 'ready' ? <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} hrefFor={(c) => hrefOf(street, status, c)} paged={Boolean(cursor)} /> : null}
      <DraftForm street={street} onPublished={published} onDrafted={(p) => (p.street === street && status === 'draft' ? setVersion((v) => v + 1) : undefined)} />
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { poolAllocations, streetSummary, type Budget, type Pool } from '../api/finance.ts';
import { useMoney } from '../components/money.ts';

const CATEGORIES = ['personnel', 'operations', 'resident-services', 'capital-projects'] as const satisfies ReadonlyArray<keyof Budget['categories']>;

function BudgetTable({ budget }: { budget: Budget }) {
  const t = useT();
  const money = useMoney();
  const row = (key: string, label: string, f: Budget['totals'], total = false) => (
    <tr key={key} className={total ? 'total' : undefined}>
      <th scope="row">{label}</th>
      <td>{money(f.budgetedFen)}</td>
      <td>{money(f.committedFen)}</td>
      <td>{money(f.disbursedFen)}</td>
      <td>{money(f.remainingFen)}</td>
    </tr>
  );
  return (
    <div className="table-scroll" role="region" aria-labelledby="budget-title" tabIndex={0}>
      <table>
        <caption id="budget-title">{t('finance.budgetCaption', { year: budget.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('finance.category')}</th>
            <th scope="col">{t('finance.budgeted')}</th>
            <th scope="col">{t('finance.committed')}</th>
            <th scope="col">{t('finance.disbursed')}</th>
            <th scope="col">{t('finance.remaining')}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => row(c, t(`finance.cat.${c}` as MessageKey), budget.categories[c]))}
          {row('totals', t('finance.totals'), budget.totals, true)}
        </tbody>
      </table>
    </div>
  );
}

/** A pool's allocations, loaded when asked for: to whom, for what, how much, and what is still to pay. */
function Allocations({ pool }: { pool: Pool }) {
  const t = useT();
  const money = useMoney();
  const format = useFormat();
  const { locale } = useLocale();
  const [cursor, setCursor] = useState<string>();
  const loaded = useLoad(() => poolAllocations(pool.id, cursor), [pool.id, cursor]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <p role="alert">{t('finance.allocationsFailed')}</p>;
  if (loaded.data.items.length === 0) return <p>{t('finance.noAllocations')}</p>;
  return (
    <>
      <ul className="allocations">
        {loaded.data.items.map((a) => (
          <li key={a.id}>
            {t('finance.allocationLine', {
              purpose: a.purpose,
              recipient: a.community ? nameOf(a.community, locale) : a.recipient,
              amount: money(a.amountFen),
              disbursed: money(a.disbursedFen),
              when: format.date(a.allocatedAt),
            })}
          </li>
        ))}
      </ul>
      {loaded.data.cursor ? (
        <button type="button" className="secondary" onClick={() => setCursor(loaded.data.cursor)}>
          {t('pager.next')}
        </button>
      ) : null}
    </>
  );
}

/** A street's money in a year: its budget by category, and its pools with what remains and what went where. */
export function StreetMoney() {
  const t = useT();
  const money = useMoney();
  const { locale } = useLocale();
  const session = useSession();
  const [path, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const thisYear = Number(districtToday().slice(0, 4));
  // A street official reads its own street's money (at /street/money): no other street is offered.
  const ownStreet = !session?.roles.includes('finance') && session?.roles.includes('street-official') ? STREETS.find((s) => session.jurisdiction.startsWith(s.id))?.id : undefined;
  const street =
    ownStreet ?? (STREETS.some((s) => s.id === params.get('street')) ? params.get('street')! : (STREETS.find((s) => session?.jurisdiction.startsWith(s.id))?.id ?? STREETS[0]!.id));
  const base = path.startsWith('/street/') ? '/street/money' : '/finance/streets';
  const yearText = params.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : thisYear;
  const cursor = params.get('cursor') ?? undefined;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const may = session?.roles.some((r) => r === 'finance' || r === 'street-official') ?? false;
  const loaded = useLoad(
    () => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : streetSummary(street, year, cursor)),
    [street, year, cursor, session?.sub],
  );
  const [choice, setChoice] = useState({ street, year: String(year) });
  const hrefOf = (s: string, y: number, c?: string) =>
    `${base}?${ownStreet ? '' : `street=${encodeURIComponent(s)}&`}year=${y}${c ? `&cursor=${encodeURIComponent(c)}` : ''}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(hrefOf(choice.street, /^\d{4}$/.test(choice.year) ? Number(choice.year) : thisYear));
  };
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page
      title={ownStreet ? t('street.money.title', { street: nameOf(ownStreet, locale) }) : t('finance.streetsTitle')}
      lead={ownStreet ? t('street.money.lead') : t('finance.streetsLead')}
    >
      <form className="filters" onSubmit={submit}>
        {ownStreet ? null : (
          <div className="field">
            <label htmlFor="money-street">{t('finance.street')}</label>
            <select id="money-street" value={choice.street} onChange={(e) => setChoice({ ...choice, street: e.target.value })}>
              {STREETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {nameOf(s.id, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="money-year">{t('finance.year')}</label>
          <select id="money-year" value={choice.year} onChange={(e) => setChoice({ ...choice, year: e.target.value })}>
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('finance.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <h2>{t('finance.streetYear', { street: nameOf(street, locale), year })}</h2>
          {loaded.data.budget ? <BudgetTable budget={loaded.data.budget} /> : <p>{t('finance.noBudget')}</p>}
          <h2>{t('finance.pools')}</h2>
          {loaded.data.items.length === 0 ? (
            <p>{t('finance.noPoolsYear')}</p>
          ) : (
            <ul className="cards">
              {loaded.data.items.map((pool) => (
                <li key={pool.id} className="card">
                  <h3>{pool.name}</h3>
                  <p className="figure">{t('finance.poolFigures', { total: money(pool.totalFen), allocated: money(pool.allocatedFen), remaining: money(pool.remainingFen) })}</p>
                  <p className="hint">{t('finance.poolDisbursed', { disbursed: money(pool.disbursedFen), count: pool.allocations })}</p>
                  <ul>
                    {pool.lines.map((line) => (
                      <li key={line.program + line.department}>{t('finance.poolLine', { program: line.program, department: line.department, amount: money(line.amountFen) })}</li>
                    ))}
                  </ul>
                  <button type="button" className="secondary" aria-expanded={Boolean(open[pool.id])} onClick={() => setOpen({ ...open, [pool.id]: !open[pool.id] })}>
                    {open[pool.id] ? t('finance.hideAllocations') : t('finance.showAllocations', { name: pool.name })}
                  </button>
                  {open[pool.id] ? <Allocations pool={pool} /> : null}
                </li>
              ))}
            </ul>
          )}
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} hrefFor={(c) => hrefOf(street, year, c)} paged={Boolean(cursor)} />
        </>
      )}
    </Page>
  );
}

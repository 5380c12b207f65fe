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
import { useMoney } from '../../finance/components/money.ts';
import { complianceOf, remediations, type Compliance, type ComplianceStatus, type Remediation, type RuleResult } from '../api/premises.ts';
import { RemediationForm } from '../components/RemediationForm.tsx';

const STATUSES = allOf<ComplianceStatus>()(['failing', 'compliant', 'unassessed']);
const href = (status: ComplianceStatus, cursor?: string) => `/street/premises?${new URLSearchParams({ status, ...(cursor ? { cursor } : {}) }).toString()}`;

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A rule's own numbers in words (the figures the API gives it, by name). */
function RuleFigures({ rule, compliance }: { rule: RuleResult; compliance: Compliance }) {
  const t = useT();
  const format = useFormat();
  const f = rule.figures;
  const n = (v: unknown) => format.number(num(v) ?? 0);
  switch (rule.rule) {
    case 'area-per-households':
      return num(f.households) === null ? (
        <>{t('street.premises.fig.noHouseholds', { total: n(f.totalAreaM2) })}</>
      ) : (
        <>
          {t(num(f.shortfallM2) ? 'street.premises.fig.areaShort' : 'street.premises.fig.area', {
            total: n(f.totalAreaM2),
            households: n(f.households),
            per100: n(f.per100HouseholdsM2),
            required: n(f.requiredAreaM2),
            shortfall: n(f.shortfallM2),
          })}
        </>
      );
    case 'resident-activity-share':
      return (
        <>
          {num(f.sharePercent) === null
            ? t('street.premises.fig.shareNone', { required: n(f.requiredPercent) })
            : t('street.premises.fig.share', { area: n(f.residentActivityAreaM2), share: n(f.sharePercent), required: n(f.requiredPercent) })}
        </>
      );
    case 'service-complex-size':
      return <>{t('street.premises.fig.complex', { area: n(f.largestSiteAreaM2), required: n(f.requiredM2) })}</>;
    case 'no-long-term-rental':
      return (
        <>
          {t('street.premises.fig.rentals', { count: compliance.longTermRentals.length, years: n(f.maxYears) })}
          {compliance.longTermRentals.length ? (
            <ul>
              {compliance.longTermRentals.map((r) => (
                <li key={r.siteId}>{t('street.premises.fig.rental', { address: r.address, from: format.day(r.startsOn), to: format.day(r.endsOn) })}</li>
              ))}
            </ul>
          ) : null}
        </>
      );
    case 'not-scattered':
      return <>{t('street.premises.fig.scattered', { count: compliance.officeSites.length, max: n(f.maxOfficeSites) })}</>;
  }
}

/** Every rule of the standard with its result (met, not met, or not judged yet) and its numbers. */
function RuleTable({ compliance, name }: { compliance: Compliance; name: string }) {
  const t = useT();
  const id = `rules-${compliance.community.replaceAll('/', '-')}`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{t('street.premises.rulesCaption', { community: name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('street.premises.rule')}</th>
            <th scope="col">{t('street.premises.result')}</th>
            <th scope="col">{t('street.premises.figures')}</th>
          </tr>
        </thead>
        <tbody>
          {compliance.rules.map((rule) => (
            <tr key={rule.rule}>
              <th scope="row">{t(`community.rule.${rule.rule}` as MessageKey)}</th>
              <td>
                <span className={`tag tag-rule-${rule.pass === null ? 'unknown' : rule.pass ? 'pass' : 'fail'}`}>
                  {t(rule.pass === null ? 'street.premises.notJudged' : rule.pass ? 'street.premises.pass' : 'street.premises.fail')}
                </span>
              </td>
              <td>
                <RuleFigures rule={rule} compliance={compliance} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A remediation plan and funding's answer to the money it asked. */
function PlanItem({ plan }: { plan: Remediation }) {
  const t = useT();
  const format = useFormat();
  const money = useMoney();
  return (
    <li className="card">
      <p>
        <span className={`tag tag-remediation-${plan.status}`}>{t(`street.premises.status.${plan.status}` as MessageKey)}</span>
      </p>
      <p className="prose">{plan.plan}</p>
      <dl className="facts">
        <dt>{t('street.premises.dueBy')}</dt>
        <dd>{format.day(plan.dueBy)}</dd>
        <dt>{t('street.premises.planned')}</dt>
        <dd>{t('street.premises.plannedText', { at: format.dateTime(plan.plannedAt), shortfall: format.number(plan.shortfallM2) })}</dd>
        <dt>{t('street.premises.money')}</dt>
        <dd>
          {plan.amountFen === undefined
            ? t('street.premises.noMoney')
            : plan.status === 'funded'
              ? t('street.premises.funded', { asked: money(plan.amountFen), allocated: money(plan.allocatedFen ?? 0) })
              : plan.status === 'funding-declined'
                ? t('street.premises.declined', { asked: money(plan.amountFen), reason: plan.declinedReason ?? '' })
                : t('street.premises.waiting', { asked: money(plan.amountFen) })}
          {plan.purpose ? <span className="hint">{t('street.premises.purposeText', { purpose: plan.purpose })}</span> : null}
        </dd>
      </dl>
    </li>
  );
}

/** A community's remediation plans (newest first, paged here) and, while it fails, a new plan. */
function Remediations({ compliance, name }: { compliance: Compliance; name: string }) {
  const t = useT();
  const [cursor, setCursor] = useState<string>();
  const [added, setAdded] = useState<Remediation[]>([]);
  const loaded = useLoad(() => remediations(compliance.community, cursor), [compliance.community, cursor]);
  return (
    <>
      <h4>{t('street.premises.plans')}</h4>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'failed' ? <p role="alert">{t('street.premises.plansFailed')}</p> : null}
      {loaded.state === 'ready' ? (
        <>
          {loaded.data.items.length + added.length === 0 ? <p>{t('street.premises.noPlans')}</p> : null}
          <ul className="cards">
            {[...added, ...loaded.data.items.filter((p) => !added.some((a) => a.id === p.id))].map((plan) => (
              <PlanItem key={plan.id} plan={plan} />
            ))}
          </ul>
          {loaded.data.cursor ? (
            <button type="button" className="secondary" onClick={() => setCursor(loaded.data.cursor)}>
              {t('street.premises.morePlans', { community: name })}
            </button>
          ) : null}
        </>
      ) : null}
      {compliance.status === 'failing' ? <RemediationForm community={compliance.community} name={name} onPlanned={(plan) => setAdded([plan, ...added])} /> : null}
    </>
  );
}

/**
 * The street's communities against the district's standard for premises: each rule with its
 * numbers, the remediation plans of each and funding's answer to them, and a new plan for one
 * that fails.
 */
export function StreetPremises() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ComplianceStatus) : 'failing';
  const cursor = params.get('cursor') ?? undefined;
  const [chosen, setChosen] = useState(status);
  const official = session?.roles.includes('street-official') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const loaded = useLoad(() => (official ? complianceOf(street, status, cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [street, status, cursor, session?.sub]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('street.premises.title', { street: nameOf(street, locale) })} lead={t('street.premises.intro')}>
      <form
        className="filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          navigate(href(chosen));
        }}
      >
        <div className="field">
          <label htmlFor="status">{t('street.premises.show')}</label>
          <select id="status" value={chosen} onChange={(e) => setChosen(e.target.value as ComplianceStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`street.premises.filter.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('street.premises.showButton')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <p role="status">{loaded.data.items.length === 0 ? t(`street.premises.empty.${status}` as MessageKey) : t('street.premises.count', { count: loaded.data.items.length })}</p>
          <ul className="cards">
            {loaded.data.items.map((c) => {
              const name = nameOf(c.community, locale);
              return (
                <li key={c.community} className="card">
                  <h2>{name}</h2>
                  <p>
                    <span className={`tag tag-compliance-${c.status}`}>{t(`street.premises.filter.${c.status}` as MessageKey)}</span>
                  </p>
                  <p>
                    {c.households === null
                      ? t('street.premises.summaryNoHouseholds', { sites: c.sites, area: format.number(c.totalAreaM2) })
                      : t('street.premises.summary', { sites: c.sites, area: format.number(c.totalAreaM2), households: format.number(c.households) })}
                    {c.assessedAt ? <span className="hint">{t('street.premises.assessedAt', { at: format.dateTime(c.assessedAt), version: c.standardVersion })}</span> : null}
                  </p>
                  <RuleTable compliance={c} name={name} />
                  <Remediations compliance={c} name={name} />
                </li>
              );
            })}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(status, next)} />
        </>
      )}
    </Page>
  );
}

import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { departmentName } from '../../department/names.ts';
import { powersPage, type Power, type PowerDomain } from '../api/district.ts';
import { DOMAINS, PowerForm } from '../components/PowerForm.tsx';

/**
 * The district's power catalog as its office keeps it: every power by code (by domain), its legal
 * basis and the department it comes from; and a new power entered. Authority keeps no edit or
 * retirement of an entry: a power is taken from streets by revoking its delegations.
 */
export function PowerCatalog() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const domain = (DOMAINS as readonly string[]).includes(params.get('domain') ?? '') ? (params.get('domain') as PowerDomain) : undefined;
  const cursor = params.get('cursor') ?? undefined;
  const [added, setAdded] = useState<Power>();
  const may = session?.roles.includes('district-admin') ?? false;
  const loaded = useLoad(
    () => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : powersPage(domain, cursor)),
    [domain, cursor, added?.code, session?.sub],
    { keep: true },
  );
  const hrefOf = (d?: PowerDomain, c?: string) => {
    const query = new URLSearchParams({ ...(d ? { domain: d } : {}), ...(c ? { cursor: c } : {}) }).toString();
    return `/district/powers${query ? `?${query}` : ''}`;
  };
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('district.powersTitle')} lead={t('district.powersLead')}>
      {added ? (
        <div className="notice" role="status">
          <p>{t('district.powerAdded', { code: added.code, name: added.name })}</p>
          <p>
            <Link href="/district/delegations">{t('district.powerDelegateNext')}</Link>
          </p>
        </div>
      ) : null}
      <nav aria-label={t('district.domainNav')} className="tabs">
        <ul>
          {[undefined, ...DOMAINS].map((d) => (
            <li key={d ?? 'all'}>
              <Link href={hrefOf(d)} aria-current={d === domain ? 'page' : undefined}>
                {d ? t(`domain.${d}` as MessageKey) : t('district.allDomains')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p role="status">{t('district.noPowers')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="powers-caption" tabIndex={0}>
          <table>
            <caption id="powers-caption">{domain ? t('district.powersCaptionOf', { domain: t(`domain.${domain}` as MessageKey) }) : t('district.powersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('district.f.powerCode')}</th>
                <th scope="col">{t('district.f.powerName')}</th>
                <th scope="col">{t('district.f.domain')}</th>
                <th scope="col">{t('district.f.legalBasis')}</th>
                <th scope="col">{t('district.f.fromDepartment')}</th>
                <th scope="col">{t('district.catalogedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((p) => (
                <tr key={p.code}>
                  <th scope="row">{p.code}</th>
                  <td>{p.name}</td>
                  <td>{t(`domain.${p.domain}` as MessageKey)}</td>
                  <td>{p.legalBasis}</td>
                  <td>{departmentName(t, p.fromDepartment)}</td>
                  <td>{format.date(p.catalogedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.state === 'ready' ? <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(c) => hrefOf(domain, c)} /> : null}
      <PowerForm
        onAdded={(power) => {
          setAdded(power);
          if (domain && domain !== power.domain) navigate(hrefOf(power.domain));
        }}
      />
    </Page>
  );
}

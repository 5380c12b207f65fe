import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary } from '../../../components/Form.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { communitySites, registerSite, type SiteRecord } from '../api/sites.ts';
import { ComplianceNote } from '../components/ComplianceNote.tsx';
import { blankSite, checkSite, FIELD_MESSAGES, fieldId, fieldOfServer, SiteFields, siteBody, type SiteProblem, type SiteValues } from '../components/SiteForm.tsx';
import { SiteSummary } from '../components/SiteSummary.tsx';

/** The community worker's register of the community's sites: each site, and a form to register another. */
export function CommunitySites() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const community = session?.roles.includes('community-worker') && session.jurisdiction.split('/').length === 3 ? session.jurisdiction : undefined;
  const [values, setValues] = useState<SiteValues>(blankSite);
  const [problems, setProblems] = useState<SiteProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const [registered, setRegistered] = useState<SiteRecord>();
  const loaded = useLoad(() => (community ? communitySites(community) : Promise.reject(new ApiError(session ? 403 : 401))), [community, registered?.site.id], { keep: true });
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const change = (next: SiteValues) => {
    setValues(next);
    setKey(idempotencyKey());
  };
  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const record = await registerSite({ community: community!, ...siteBody(values) }, key);
      setProblems([]);
      setValues(blankSite);
      setKey(idempotencyKey());
      setRegistered(record);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = fieldOfServer(issue.field);
            return { name, field: fieldId(name), message: t(FIELD_MESSAGES[name]) };
          }),
        );
      } else setProblems([{ name: 'address', field: fieldId('address'), message: failure.status === 403 ? t('community.forbidden') : (failure.problem?.detail ?? failure.message) }]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = checkSite(values).map((w) => ({ name: w.name, field: fieldId(w.name), message: t(w.message) }));
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  return (
    <Page title={t('community.sites.title', { community: community ? nameOf(community, locale) : '' })} lead={t('community.sites.intro')}>
      {registered ? (
        <div className="notice" role="status">
          <p>{t('community.sites.registered', { address: registered.site.address })}</p>
          <ComplianceNote compliance={registered.compliance} />
        </div>
      ) : null}
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t('community.sites.listTitle')}</h2>
        {loaded.state === 'loading' ? (
          <Loading />
        ) : loaded.data.length === 0 ? (
          <p>{t('community.sites.empty')}</p>
        ) : (
          <ul className="cards">
            {loaded.data.map((site) => (
              <li key={site.id} className="card">
                <h3>
                  <Link href={`/community/sites/${site.id}`}>{site.address}</Link>
                </h3>
                <SiteSummary site={site} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="register-title">
        <h2 id="register-title">{t('community.sites.register')}</h2>
        <ErrorSummary problems={problems} />
        {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
        <form onSubmit={submit} noValidate>
          <SiteFields values={values} onChange={change} problems={problems} />
          <button type="submit" disabled={sending}>
            {sending ? t('community.sites.sending') : t('community.sites.submit')}
          </button>
        </form>
      </section>
    </Page>
  );
}

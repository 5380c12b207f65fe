import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field } from '../../../components/Form.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { performance } from '../api/district.ts';
import { RatesChart } from '../components/RatesChart.tsx';

const SLUG = /^[a-z][a-z0-9-]{1,62}$/;
/** What the page compares until the office names others: the departments whistles most often name. */
const FIRST_LOOK = 'housing, sanitation, market-supervision, urban-management, civil-affairs';

/** Departments' response, resolution and satisfaction rates side by side, as a chart and a table. */
export function PerformancePage() {
  const t = useT();
  const session = useSession();
  const [, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('departments') ?? FIRST_LOOK;
  const departments = [...new Set(asked.split(/[\s,，、]+/).filter((d) => SLUG.test(d)))].slice(0, 12);
  const [text, setText] = useState(asked);
  const [error, setError] = useState<string>();
  const may = session?.roles.includes('district-admin') ?? false;
  const loaded = useLoad(
    () => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : Promise.all(departments.map((d) => performance(d)))),
    [departments.join(','), session?.sub],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const names = text.split(/[\s,，、]+/).filter(Boolean);
    if (names.length === 0 || names.length > 12 || names.some((d) => !SLUG.test(d))) setError(t('district.v.compare'));
    else {
      setError(undefined);
      navigate(`/district/performance?departments=${encodeURIComponent(names.join(','))}`);
    }
  };
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('district.performanceTitle')} lead={t('district.performanceLead')}>
      <ErrorSummary problems={error ? [{ field: 'compare', message: error }] : []} />
      <form className="filters" onSubmit={submit} noValidate>
        <Field id="compare" label={t('district.f.compare')} hint={t('district.f.compareHint')} {...(error ? { error } : {})}>
          {(aria) => <input {...aria} value={text} onChange={(e) => setText(e.target.value)} autoCapitalize="none" spellCheck={false} />}
        </Field>
        <button type="submit">{t('district.compare')}</button>
      </form>
      {loaded.state === 'loading' ? <Loading /> : <RatesChart items={loaded.data} />}
    </Page>
  );
}

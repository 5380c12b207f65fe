import { Link, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { position, type BoardPosition } from '../../jobs/api/positions.ts';
import { myApplications } from '../api/applications.ts';
import { Outcome } from '../components/Outcome.tsx';

/** "My applications": each with its screening result and every reason in words. */
export function MyApplications() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const loaded = useLoad(async () => {
    const page = await myApplications(cursor);
    // The positions' rules put the reasons in words; a position no longer on the board leaves the server's sentence.
    const positions = new Map<string, BoardPosition>();
    await Promise.all(
      [...new Set(page.items.map((a) => a.positionId))].map(async (id) => {
        const found = await position(id).catch(() => undefined);
        if (found) positions.set(id, found);
      }),
    );
    return { page, positions };
  }, [cursor, session?.sub]);
  if (!session) return <ErrorView error={new ApiError(401)} />;
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const { page, positions } = loaded.data;
  return (
    <Page title={t('myapps.title')}>
      {page.items.length === 0 ? <p>{t('myapps.empty')}</p> : null}
      <ul className="cards">
        {page.items.map((application) => (
          <li key={application.id} className="card">
            <h2>{application.positionTitle}</h2>
            <p>{nameOf(application.street, locale)}</p>
            <Outcome application={application} {...(positions.get(application.positionId) ? { position: positions.get(application.positionId)! } : {})} />
            <p>
              <Link href={`/jobs/${application.positionId}`}>{t('myapps.position')}</Link>
            </p>
          </li>
        ))}
      </ul>
      <Pager {...(page.cursor ? { cursor: page.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => (next ? `/me/applications?cursor=${encodeURIComponent(next)}` : '/me/applications')} />
    </Page>
  );
}

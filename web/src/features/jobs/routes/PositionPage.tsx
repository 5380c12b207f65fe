import { Link, useParams } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { signIn, useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { position as loadPosition } from '../api/positions.ts';
import { Eligibility, WindowTag } from '../components/Eligibility.tsx';

/** One position: its facts, its eligibility in plain words, its window, and the way to apply. */
export function PositionPage() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const { id } = useParams<{ id: string }>();
  const loaded = useLoad(() => loadPosition(id), [id]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const position = loaded.data;
  return (
    <Page title={position.title}>
      <dl className="facts">
        <dt>{t('position.street')}</dt>
        <dd>{nameOf(position.street, locale)}</dd>
        <dt>{t('position.kind')}</dt>
        <dd>
          {t(`kind.${position.kind}` as MessageKey)} · {t('position.quota', { count: position.quota })}
        </dd>
        <dt>{t('position.status')}</dt>
        <dd>
          <WindowTag window={position.window} />{' '}
          {t('position.window', { opens: format.dateTime(position.opensAt), closes: format.dateTime(position.closesAt) })}
        </dd>
      </dl>
      {position.description ? (
        <>
          <h2>{t('position.description')}</h2>
          <p className="prose">{position.description}</p>
        </>
      ) : null}
      <h2>{t('position.eligibility')}</h2>
      <Eligibility eligibility={position.eligibility} />
      {position.window === 'open' ? (
        <p className="actions">
          {session ? (
            <Link href={`/jobs/${position.id}/apply`} className="button">
              {t('position.apply')}
            </Link>
          ) : (
            <>
              <button type="button" onClick={() => void signIn({ returnTo: `/jobs/${position.id}/apply`, locale })}>
                {t('position.signInToApply')}
              </button>
              <Link href={`/register?returnTo=${encodeURIComponent(`/jobs/${position.id}/apply`)}`}>{t('position.registerToApply')}</Link>
            </>
          )}
        </p>
      ) : null}
      <p>
        <Link href="/">{t('position.back')}</Link>
      </p>
    </Page>
  );
}

import { Link } from 'wouter';
import { useLocale, useT, type MessageKey } from '../i18n/index.tsx';
import { signIn } from '../lib/auth.ts';
import type { ApiError } from '../lib/api.ts';
import { Page } from './Page.tsx';

type Kind = 'network' | '401' | '403' | '404' | 'other';

export function kindOf(error: ApiError): Kind {
  if (error.status === 'network') return 'network';
  if (error.status === 401 || error.status === 403 || error.status === 404) return String(error.status) as Kind;
  return 'other';
}

/**
 * A page for what went wrong, in words: not signed in (with the way to sign in), not allowed, not
 * found, or no answer from the server (with a retry that keeps what was typed).
 */
export function ErrorView({ error, onRetry }: { error: ApiError | 'not-found'; onRetry?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const kind: Kind = error === 'not-found' ? '404' : kindOf(error);
  const reference = error !== 'not-found' ? error.problem?.correlationId : undefined;
  return (
    <Page title={t(`error.${kind}.title` as MessageKey)}>
      <p>{t(`error.${kind}.body` as MessageKey)}</p>
      {reference ? <p className="hint">{t('error.reference', { id: reference })}</p> : null}
      <p className="actions">
        {kind === '401' ? (
          <button type="button" onClick={() => void signIn({ locale })}>
            {t('auth.signIn')}
          </button>
        ) : null}
        {onRetry && (kind === 'network' || kind === 'other') ? (
          <button type="button" onClick={onRetry}>
            {t('error.retry')}
          </button>
        ) : null}
        <Link href="/">{t('error.home')}</Link>
      </p>
    </Page>
  );
}

/** A network failure inside a form: the form stays as typed, and sending again is one button. */
export function NetworkNotice({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <div className="notice" role="alert">
      <h2>{t('error.network.title')}</h2>
      <p>{t('error.network.body')}</p>
      <button type="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}

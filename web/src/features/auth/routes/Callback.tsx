import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Loading, Page } from '../../../components/Page.tsx';
import { useT } from '../../../i18n/index.tsx';
import { completeSignIn } from '../../../lib/auth.ts';

/** Where the provider sends the browser back: the code is exchanged (PKCE), then on to where the user was. */
export function Callback() {
  const t = useT();
  const [, navigate] = useLocation();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);
  if (!failed) return <Loading />;
  return (
    <Page title={t('auth.callbackFailed')}>
      <p>{t('auth.callbackFailedBody')}</p>
      <p>
        <Link href="/">{t('error.home')}</Link>
      </p>
    </Page>
  );
}

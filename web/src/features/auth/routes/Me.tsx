import { Link } from 'wouter';
import { Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { signIn, signOut, useSession } from '../../../lib/auth.ts';
import { nameOf } from '../../../lib/places.ts';

/** Who am I: the signed-in account's roles and place, as the API sees them. */
export function Me() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  if (!session) {
    return (
      <Page title={t('me.title')}>
        <p>{t('me.signedOut')}</p>
        <button type="button" onClick={() => void signIn({ locale })}>
          {t('auth.signIn')}
        </button>
        <p>
          {t('me.register')} <Link href="/register">{t('auth.register')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('me.title')}>
      <dl className="facts">
        <dt>{t('me.name')}</dt>
        <dd>{session.name ?? session.sub}</dd>
        {session.email ? (
          <>
            <dt>{t('me.email')}</dt>
            <dd>{session.email}</dd>
          </>
        ) : null}
        <dt>{t('me.roles')}</dt>
        <dd>{format.list(session.roles.map((role) => t(`role.${role}` as MessageKey)))}</dd>
        <dt>{t('me.place')}</dt>
        <dd>
          {nameOf(session.jurisdiction, locale)} ({session.jurisdiction})
        </dd>
        {session.department ? (
          <>
            <dt>{t('me.department')}</dt>
            <dd>{session.department}</dd>
          </>
        ) : null}
      </dl>
      <p className="hint">{t('me.tokens')}</p>
      <button type="button" onClick={() => void signOut(locale)}>
        {t('auth.signOut')}
      </button>
    </Page>
  );
}

import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLocale, useT, type MessageKey } from '../i18n/index.tsx';
import { signIn, signOut, useSession } from '../lib/auth.ts';

const NAV: ReadonlyArray<{ href: string; label: MessageKey; resident?: true }> = [
  { href: '/', label: 'nav.jobs' },
  { href: '/powers', label: 'nav.powers' },
  { href: '/access-list', label: 'nav.accessList' },
  { href: '/rankings', label: 'nav.rankings' },
  { href: '/open-data', label: 'nav.openData' },
  { href: '/rooms', label: 'nav.rooms' },
  { href: '/me/applications', label: 'nav.myApplications', resident: true },
];

/** The frame of every page: skip link, the site's name, the main navigation, language and account. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const session = useSession();
  const [path] = useLocation();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const current = (href: string) => (href === '/' ? path === '/' || path.startsWith('/jobs') : path.startsWith(href));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <Link href="/" className="brand">
            {t('app.name')}
          </Link>
          <div className="tools">
            <button type="button" className="link-button" lang={other} onClick={() => setLocale(other)} aria-describedby="lang-hint">
              {t('lang.other')}
            </button>
            <span id="lang-hint" className="visually-hidden">
              {t('lang.switch')}
            </span>
            {session ? (
              <>
                <Link href="/me" className="account">
                  {t('auth.account', { name: session.name ?? session.sub })}
                </Link>
                <button type="button" className="link-button" onClick={() => void signOut(locale)}>
                  {t('auth.signOut')}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="link-button" onClick={() => void signIn({ locale })}>
                  {t('auth.signIn')}
                </button>
                <Link href="/register">{t('auth.register')}</Link>
              </>
            )}
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((item) => !item.resident || session?.roles.includes('resident')).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

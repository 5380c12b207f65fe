import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLocale, useT, type MessageKey } from '../i18n/index.tsx';
import type { Role } from '../../../kernel/roles.ts';
import { InboxLink } from '../features/notifications/components/InboxLink.tsx';
import { signIn, signOut, useSession } from '../lib/auth.ts';

/** The navigation: everyone's pages, then each role's own (shown only to that role; the API still decides). */
const NAV: ReadonlyArray<{ href: string; label: MessageKey; roles?: readonly Role[] }> = [
  { href: '/', label: 'nav.jobs' },
  { href: '/powers', label: 'nav.powers' },
  { href: '/access-list', label: 'nav.accessList' },
  { href: '/rankings', label: 'nav.rankings' },
  { href: '/open-data', label: 'nav.openData' },
  { href: '/rooms', label: 'nav.rooms' },
  { href: '/me/applications', label: 'nav.myApplications', roles: ['resident'] },
  // organization department
  { href: '/organization/plan', label: 'nav.organization.plan', roles: ['organization-dept'] },
  { href: '/organization/positions', label: 'nav.organization.positions', roles: ['organization-dept'] },
  // finance
  { href: '/finance/requests', label: 'nav.finance.requests', roles: ['finance'] },
  { href: '/finance/streets', label: 'nav.finance.streets', roles: ['finance'] },
  // district admin
  { href: '/district/meetings', label: 'nav.district.meetings', roles: ['district-admin'] },
  { href: '/district/powers', label: 'nav.district.powers', roles: ['district-admin'] },
  { href: '/district/delegations', label: 'nav.district.delegations', roles: ['district-admin'] },
  { href: '/district/access-list', label: 'nav.district.accessList', roles: ['district-admin'] },
  { href: '/district/performance', label: 'nav.district.performance', roles: ['district-admin'] },
  // community worker
  { href: '/community/sites', label: 'nav.community.sites', roles: ['community-worker'] },
  { href: '/community/work', label: 'nav.community.work', roles: ['community-worker'] },
  // street official
  { href: '/street/issues', label: 'nav.street.issues', roles: ['street-official'] },
  { href: '/street/staff', label: 'nav.street.staff', roles: ['street-official'] },
  { href: '/street/scorecard', label: 'nav.street.scorecard', roles: ['street-official'] },
  { href: '/street/premises', label: 'nav.street.premises', roles: ['street-official'] },
  { href: '/street/money', label: 'nav.street.money', roles: ['street-official'] },
  { href: '/street/rooms', label: 'nav.street.rooms', roles: ['street-official'] },
  // department
  { href: '/department/inbox', label: 'nav.department.inbox', roles: ['department'] },
  { href: '/department/work', label: 'nav.department.work', roles: ['department'] },
  { href: '/department/nominations', label: 'nav.department.nominations', roles: ['department'] },
  { href: '/department/evaluations', label: 'nav.department.evaluations', roles: ['department'] },
  { href: '/department/performance', label: 'nav.department.performance', roles: ['department'] },
  // street committee
  { href: '/committee/consents', label: 'nav.committee.consents', roles: ['street-committee'] },
  { href: '/committee/opinions', label: 'nav.committee.opinions', roles: ['street-committee'] },
  { href: '/committee/assessments', label: 'nav.committee.assessments', roles: ['street-committee'] },
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
                <InboxLink session={session} />
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
            {NAV.filter((item) => !item.roles || item.roles.some((role) => session?.roles.includes(role))).map((item) => (
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

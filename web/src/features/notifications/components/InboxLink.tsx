import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useLocale, useT } from '../../../i18n/index.tsx';
import type { Session } from '../../../lib/auth.ts';
import { inbox, onInboxChange, registerMe } from '../api/notifications.ts';

/** How often the header asks for the unread count while the page is open. */
const POLL_MS = 60_000;

/**
 * The header's inbox link with the unread count. The count is also in a polite live region, so a
 * screen reader hears when new notifications arrive without the focus moving. Signing in (and
 * changing language) records the person in the notifications directory.
 */
export function InboxLink({ session }: { session: Session }) {
  const t = useT();
  const { locale } = useLocale();
  const [path] = useLocation();
  const [unread, setUnread] = useState<number | undefined>(undefined);

  useEffect(() => {
    void registerMe(locale).catch(() => undefined);
  }, [session.sub, locale]);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      void inbox(undefined, 1).then(
        (page) => live && setUnread(page.unread),
        () => undefined,
      );
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const unsubscribe = onInboxChange(refresh);
    return () => {
      live = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, [session.sub, path]);

  const count = unread ?? 0;
  return (
    <>
      <Link href="/inbox" className="inbox-link" aria-current={path.startsWith('/inbox') ? 'page' : undefined}>
        {t('inbox.nav')}
        {count > 0 ? (
          <span className="badge" aria-hidden="true">
            {count}
          </span>
        ) : null}
        <span className="visually-hidden">{t('inbox.unreadShort', { count })}</span>
      </Link>
      <span role="status" aria-live="polite" className="visually-hidden" data-testid="unread-status">
        {unread === undefined ? '' : t('inbox.unread', { count })}
      </span>
    </>
  );
}

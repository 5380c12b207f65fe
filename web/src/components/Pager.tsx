import { Link } from 'wouter';
import { useT } from '../i18n/index.tsx';

/** Paging by the API's cursor: the next page, and back to the first (the browser's Back goes one page back). */
export function Pager({ cursor, hrefFor, paged }: { cursor?: string; hrefFor: (cursor?: string) => string; paged: boolean }) {
  const t = useT();
  if (!cursor && !paged) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {paged ? <Link href={hrefFor(undefined)}>{t('pager.first')}</Link> : null}
      {cursor ? (
        <Link href={hrefFor(cursor)} rel="next">
          {t('pager.next')}
        </Link>
      ) : null}
    </nav>
  );
}

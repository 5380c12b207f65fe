import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';

/** Where the app was loaded; a page anywhere else was reached by a navigation. */
const loadedAt = window.location.pathname;
let navigated = false;

/**
 * A page: its heading and the document's title. After a navigation (not on the first load) focus
 * moves to the heading, so a screen reader announces the new page and the keyboard starts there.
 * Whether a navigation happened is read from the address, not from whether a page was shown
 * before: a quick user may follow a header link before the first page's code has arrived.
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (window.location.pathname !== loadedAt) navigated = true;
    if (navigated) heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}

export function Loading() {
  return (
    <p role="status" className="loading">
      {useT()('loading')}
    </p>
  );
}

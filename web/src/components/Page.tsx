import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';

let firstPage = true;

/**
 * A page: its heading and the document's title. After a navigation (not on the first load) focus
 * moves to the heading, so a screen reader announces the new page and the keyboard starts there.
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
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

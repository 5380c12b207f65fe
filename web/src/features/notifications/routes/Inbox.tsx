import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import {
  createFeed,
  downloadEvent,
  inbox,
  inboxChanged,
  KINDS,
  markRead,
  preferences,
  revokeFeed,
  savePreferences,
  type Feed,
  type Notification,
  type Preferences,
} from '../api/notifications.ts';

/** The inbox: every notification, newest first, each marked read on demand; then e-mail preferences and the calendar feed. */
export function Inbox() {
  const t = useT();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const loaded = useLoad(async () => ({ page: await inbox(cursor), preferences: await preferences() }), [cursor, session?.sub]);
  if (!session) return <ErrorView error={new ApiError(401)} />;
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const { page } = loaded.data;
  return (
    <Page title={t('inbox.title')} lead={t('inbox.unread', { count: page.unread })}>
      {page.items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      <ul className="cards inbox">
        {page.items.map((note) => (
          <NoteCard key={note.id} initial={note} />
        ))}
      </ul>
      <Pager {...(page.cursor ? { cursor: page.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => (next ? `/inbox?cursor=${encodeURIComponent(next)}` : '/inbox')} />
      <PreferencesForm initial={loaded.data.preferences} />
      <CalendarFeed />
    </Page>
  );
}

function NoteCard({ initial }: { initial: Notification }) {
  const t = useT();
  const format = useFormat();
  const [note, setNote] = useState(initial);
  const [failed, setFailed] = useState<'read' | 'download' | undefined>(undefined);
  const headingId = `note-${note.id}`;
  const read = async () => {
    setFailed(undefined);
    try {
      setNote(await markRead(note.id));
      inboxChanged();
    } catch {
      setFailed('read');
    }
  };
  const download = async () => {
    setFailed(undefined);
    try {
      await downloadEvent(note.calendarUid!);
    } catch {
      setFailed('download');
    }
  };
  return (
    <li className={note.readAt ? 'card' : 'card unread'} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {note.readAt ? null : <span className="tag">{t('inbox.new')}</span>} {note.title}
      </h2>
      <p>{note.body}</p>
      <p className="hint">
        <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time> · {t(`inbox.mail.${note.mail}` as MessageKey)}
      </p>
      <p className="actions">
        {note.link ? <Link href={note.link}>{t('inbox.open')}</Link> : null}
        {note.calendarUid ? (
          <button type="button" className="secondary" onClick={() => void download()}>
            {t('inbox.ics')}
          </button>
        ) : null}
        {note.readAt ? null : (
          <button type="button" onClick={() => void read()} aria-describedby={headingId}>
            {t('inbox.markRead')}
          </button>
        )}
      </p>
      {failed ? (
        <p role="alert" className="error-message">
          {t(failed === 'read' ? 'inbox.readFailed' : 'inbox.downloadFailed')}
        </p>
      ) : null}
    </li>
  );
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const t = useT();
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<'saving' | 'saved' | 'failed' | undefined>(undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('saving');
    try {
      setValue(await savePreferences(value));
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <section aria-labelledby="preferences">
      <h2 id="preferences" tabIndex={-1}>
        {t('prefs.title')}
      </h2>
      <p>{t('prefs.lead')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('prefs.delivery')}</legend>
          {(['immediate', 'digest'] as const).map((delivery) => (
            <div className="choice" key={delivery}>
              <input
                type="radio"
                id={`delivery-${delivery}`}
                name="delivery"
                checked={value.delivery === delivery}
                onChange={() => setValue({ ...value, delivery })}
              />
              <label htmlFor={`delivery-${delivery}`}>{t(`prefs.delivery.${delivery}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('prefs.kinds')}</legend>
          {KINDS.map((kind) => (
            <div className="choice" key={kind}>
              <input
                type="checkbox"
                id={`email-${kind}`}
                checked={value.email[kind]}
                onChange={(event) => setValue({ ...value, email: { ...value.email, [kind]: event.target.checked } })}
              />
              <label htmlFor={`email-${kind}`}>{t(`kind.${kind}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={status === 'saving'}>
          {t('prefs.save')}
        </button>
        <p role="status" className={status === 'failed' ? 'error-message' : 'hint'}>
          {status === 'saved' ? t('prefs.saved') : status === 'failed' ? t('prefs.failed') : ''}
        </p>
      </form>
    </section>
  );
}

function CalendarFeed() {
  const t = useT();
  const [feed, setFeed] = useState<Feed | undefined>(undefined);
  const [status, setStatus] = useState<'revoked' | 'failed' | undefined>(undefined);
  const create = async () => {
    setStatus(undefined);
    try {
      setFeed(await createFeed());
    } catch {
      setStatus('failed');
    }
  };
  const revoke = async () => {
    setStatus(undefined);
    try {
      await revokeFeed();
      setFeed(undefined);
      setStatus('revoked');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <section aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('feed.title')}</h2>
      <p>{t('feed.lead')}</p>
      {feed ? (
        <div className="field">
          <label htmlFor="feed-url">{t('feed.url')}</label>
          <span className="hint" id="feed-url-hint">
            {t('feed.urlHint')}
          </span>
          <input id="feed-url" type="text" readOnly value={feed.url} aria-describedby="feed-url-hint" onFocus={(event) => event.target.select()} />
        </div>
      ) : null}
      <p className="actions">
        <button type="button" onClick={() => void create()}>
          {t(feed ? 'feed.replace' : 'feed.create')}
        </button>
        <button type="button" className="secondary" onClick={() => void revoke()}>
          {t('feed.revoke')}
        </button>
      </p>
      <p role="status" className={status === 'failed' ? 'error-message' : 'hint'}>
        {status === 'revoked' ? t('feed.revoked') : status === 'failed' ? t('feed.failed') : ''}
      </p>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { addRoom, changeSite, site as readSite, siteRooms, type Room, type Site, type SiteChange, type SiteRecord } from '../api/sites.ts';
import { ComplianceNote } from '../components/ComplianceNote.tsx';
import { checkSite, FIELD_MESSAGES, fieldId, fieldOfServer, SiteFields, siteBody, valuesOf, type SiteProblem, type SiteValues } from '../components/SiteForm.tsx';
import { SiteSummary } from '../components/SiteSummary.tsx';

/** Only what changed goes in the PATCH, with the version the form was based on. */
function changes(before: Site, values: SiteValues): SiteChange {
  const next = siteBody(values);
  const body: SiteChange = { version: before.version };
  if (next.address !== before.address) body.address = next.address;
  if (next.areaM2 !== before.areaM2) body.areaM2 = next.areaM2;
  if (next.residentActivityAreaM2 !== before.residentActivityAreaM2) body.residentActivityAreaM2 = next.residentActivityAreaM2;
  if (next.tenure !== before.tenure) body.tenure = next.tenure;
  if ([...next.uses].sort().join() !== [...before.uses].sort().join()) body.uses = next.uses;
  if (JSON.stringify(next.lease ?? null) !== JSON.stringify(before.lease ?? null)) body.lease = next.lease ?? null;
  return body;
}

/**
 * The edits typed on top of the record as it now is: a field this form changed keeps what was typed,
 * every other field takes the current value (so saving does not undo someone else's change).
 */
function rebase(typed: SiteValues, was: SiteValues, now: SiteValues): SiteValues {
  const merged = { ...now };
  for (const name of Object.keys(typed) as Array<keyof SiteValues>) {
    if (JSON.stringify(typed[name]) !== JSON.stringify(was[name])) (merged as Record<string, unknown>)[name] = typed[name];
  }
  return merged;
}

/**
 * Edit a site. The change is sent with the version it was based on; when someone changed the site
 * meanwhile (409), the page shows the record as it now is, keeps every edit typed (on top of the
 * other's changes), and saving again applies them to the current version.
 */
function EditSite({ record, onSaved }: { record: SiteRecord; onSaved: (record: SiteRecord) => void }) {
  const t = useT();
  const [base, setBase] = useState<Site>(record.site);
  const [values, setValues] = useState<SiteValues>(() => valuesOf(record.site));
  const [problems, setProblems] = useState<SiteProblem[]>([]);
  const [stale, setStale] = useState<Site>();
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const send = async () => {
    const body = changes(base, values);
    if (Object.keys(body).length === 1) {
      setProblems([{ name: 'address', field: fieldId('address'), message: t('community.site.nothingChanged') }]);
      return;
    }
    setSending(true);
    setOffline(false);
    try {
      const saved = await changeSite(base.id, body);
      setBase(saved.site);
      setStale(undefined);
      setProblems([]);
      onSaved(saved);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409) {
        // Someone else saved first: read the site as it is now; the edits typed stay in the form.
        const current = await readSite(base.id).catch(() => undefined);
        if (current) {
          setStale(current.site);
          setValues(rebase(values, valuesOf(base), valuesOf(current.site)));
          setBase(current.site);
        }
        setProblems([]);
      } else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = fieldOfServer(issue.field);
            return { name, field: fieldId(name), message: t(FIELD_MESSAGES[name]) };
          }),
        );
      } else setProblems([{ name: 'address', field: fieldId('address'), message: failure.status === 403 ? t('community.forbidden') : (failure.problem?.detail ?? failure.message) }]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = checkSite(values).map((w) => ({ name: w.name, field: fieldId(w.name), message: t(w.message) }));
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('community.site.edit')}</h2>
      {stale ? (
        <div className="notice" role="alert">
          <h3>{t('community.site.staleTitle')}</h3>
          <p>{t('community.site.staleBody', { version: stale.version })}</p>
          <SiteSummary site={stale} />
        </div>
      ) : null}
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <SiteFields values={values} onChange={setValues} problems={problems} />
        <button type="submit" disabled={sending}>
          {t('community.site.save')}
        </button>
      </form>
    </section>
  );
}

/** Add a room to the site: its name, seats, and whether residents may book it. */
function AddRoom({ siteId, onAdded }: { siteId: string; onAdded: (room: Room) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [bookable, setBookable] = useState<'public' | 'staff'>('public');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [key, setKey] = useState(idempotencyKey);
  const [sending, setSending] = useState(false);
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const opt = (field: string) => {
    const error = errorOf(field);
    return error === undefined ? {} : { error };
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    if (name.trim().length < 1 || name.trim().length > 120) wrong.push({ field: 'room-name', message: t('community.v.roomName') });
    const seats = Number(capacity);
    if (!/^\d+$/.test(capacity) || seats < 1 || seats > 2000) wrong.push({ field: 'room-capacity', message: t('community.v.capacity') });
    setProblems(wrong);
    if (wrong.length) return;
    setSending(true);
    try {
      const room = await addRoom(siteId, { name: name.trim(), capacity: seats, bookable }, key);
      setName('');
      setCapacity('');
      setKey(idempotencyKey());
      onAdded(room);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      setProblems([{ field: 'room-name', message: failure.status === 'network' ? t('community.room.network') : failure.status === 403 ? t('community.forbidden') : (failure.problem?.detail ?? failure.message) }]);
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={problems} />
      <div className="field-row">
        <Field id="room-name" label={t('community.room.name')} {...opt('room-name')}>
          {(aria) => <input {...aria} value={name} onChange={(e) => { setName(e.target.value); setKey(idempotencyKey()); }} />}
        </Field>
        <Field id="room-capacity" label={t('community.room.capacity')} {...opt('room-capacity')}>
          {(aria) => <input {...aria} inputMode="numeric" value={capacity} onChange={(e) => { setCapacity(e.target.value); setKey(idempotencyKey()); }} />}
        </Field>
        <Field id="room-bookable" label={t('community.room.bookable')}>
          {(aria) => (
            <select {...aria} value={bookable} onChange={(e) => setBookable(e.target.value as 'public' | 'staff')}>
              <option value="public">{t('community.room.public')}</option>
              <option value="staff">{t('community.room.staff')}</option>
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={sending}>
        {t('community.room.add')}
      </button>
    </form>
  );
}

/** One site of the community: its record and compliance, editing it, and its rooms. */
export function SitePage() {
  const t = useT();
  const session = useSession();
  const { id } = useParams<{ id: string }>();
  const [saved, setSaved] = useState<SiteRecord>();
  const [added, setAdded] = useState<Room>();
  const loaded = useLoad(async () => {
    if (!session) throw new ApiError(401);
    const [record, rooms] = await Promise.all([readSite(id), siteRooms(id)]);
    return { record, rooms };
  }, [id, session?.sub, added?.id]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const record = saved ?? loaded.data.record;
  return (
    <Page title={record.site.address} lead={t('community.site.intro')}>
      <p>
        <Link href="/community/sites">{t('community.site.back')}</Link>
      </p>
      {saved ? (
        <div className="notice" role="status">
          <p>{t('community.site.saved')}</p>
        </div>
      ) : null}
      <ComplianceNote compliance={record.compliance} />
      <SiteSummary site={record.site} />
      <EditSite key={loaded.data.record.site.id} record={loaded.data.record} onSaved={setSaved} />
      <section aria-labelledby="rooms-title">
        <h2 id="rooms-title">{t('community.room.title')}</h2>
        {added ? (
          <p role="status">{t('community.room.added', { name: added.name })}</p>
        ) : null}
        {loaded.data.rooms.items.length === 0 ? (
          <p>{t('community.room.empty')}</p>
        ) : (
          <ul>
            {loaded.data.rooms.items.map((room) => (
              <li key={room.id}>
                <Link href={`/rooms/${room.id}`}>{room.name}</Link> {t('community.room.summary', { capacity: room.capacity, bookable: room.bookable })}
              </li>
            ))}
          </ul>
        )}
        <AddRoom siteId={record.site.id} onAdded={setAdded} />
      </section>
    </Page>
  );
}

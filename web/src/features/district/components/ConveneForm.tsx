import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { addDays, at, QUARTERS } from '../../bookings/components/week.ts';
import { convene, type Meeting } from '../api/district.ts';

type Name = 'title' | 'date' | 'start' | 'end' | 'hostStreet' | 'departments' | 'streets' | 'agenda' | 'attendees';
interface Values {
  title: string;
  date: string;
  start: string;
  end: string;
  hostStreet: string;
  departments: string;
  streets: string[];
  agenda: string;
  attendees: string;
}
const SLUG = /^[a-z][a-z0-9-]{1,62}$/;
const slugs = (text: string) => text.split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean);
const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** The route's checks (services/coordination/meetings/routes.ts) before sending. */
function check(v: Values, now = Date.now()): Array<{ name: Name; message: MessageKey }> {
  const wrong: Array<{ name: Name; message: MessageKey }> = [];
  if (v.title.trim().length < 1 || v.title.trim().length > 200) wrong.push({ name: 'title', message: 'district.v.title' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date) || Date.parse(at(v.date, v.start)) <= now) wrong.push({ name: 'date', message: 'district.v.date' });
  if (Date.parse(at('2000-01-01', v.end)) <= Date.parse(at('2000-01-01', v.start))) wrong.push({ name: 'end', message: 'district.v.end' });
  const depts = slugs(v.departments);
  if (depts.some((d) => !SLUG.test(d)) || depts.length > 50) wrong.push({ name: 'departments', message: 'district.v.departments' });
  if (depts.length + v.streets.length === 0) wrong.push({ name: 'streets', message: 'district.v.members' });
  if (lines(v.agenda).some((l) => l.length > 500) || lines(v.agenda).length > 50) wrong.push({ name: 'agenda', message: 'district.v.agenda' });
  if (v.attendees.trim() && !(/^\d+$/.test(v.attendees.trim()) && Number(v.attendees) >= 1 && Number(v.attendees) <= 500)) wrong.push({ name: 'attendees', message: 'district.v.attendees' });
  return wrong;
}

/** Convene a joint meeting: when, the host street whose rooms premises tries first, members and agenda. */
export function ConveneForm({ onConvened }: { onConvened: (m: Meeting) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [values, setValues] = useState<Values>({
    title: '', date: addDays(districtToday(), 7), start: '09:00', end: '11:00', hostStreet: 'D01/S03', departments: '', streets: [], agenda: '', attendees: '',
  });
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const set = (name: Exclude<Name, 'streets'>) => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };
  const toggle = (street: string) => setValues({ ...values, streets: values.streets.includes(street) ? values.streets.filter((s) => s !== street) : [...values.streets, street] });
  const fieldId = (name: Name) => (name === 'streets' ? `member-${STREETS[0]!.id.replace('/', '-')}` : `meeting-${name}`);
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;

  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const meeting = await convene(
        {
          title: values.title.trim(),
          startsAt: at(values.date, values.start),
          endsAt: at(values.date, values.end),
          hostStreet: values.hostStreet,
          members: { departments: slugs(values.departments), streets: values.streets, zoneCommittees: [] },
          agenda: lines(values.agenda),
          ...(values.attendees.trim() ? { attendees: Number(values.attendees) } : {}),
        },
        key,
      );
      onConvened(meeting);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 400 || failure.status === 403 || failure.status === 409 || failure.status === 422) {
        const field = failure.problem?.errors?.[0]?.field ?? '';
        const name: Name = field.includes('endsAt') ? 'end' : field.includes('startsAt') ? 'date' : field.includes('members') ? 'streets' : field.includes('hostStreet') ? 'hostStreet' : 'title';
        setProblems([{ field: fieldId(name), name, message: failure.problem?.detail ?? t('district.v.refused') }]);
      } else throw failure;
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check(values);
    setProblems(wrong.map((w) => ({ field: fieldId(w.name), name: w.name, message: t(w.message) })));
    if (wrong.length === 0) void send();
  };
  const quarterOptions = QUARTERS.map((q) => (
    <option key={q} value={q}>
      {q}
    </option>
  ));
  return (
    <section aria-labelledby="convene-title">
      <h2 id="convene-title">{t('district.conveneTitle')}</h2>
      <p>{t('district.conveneIntro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <Field id="meeting-title" label={t('district.f.title')} {...opt(errorOf('title'))}>
          {(aria) => <input {...aria} value={values.title} onChange={set('title')} />}
        </Field>
        <div className="field-row">
          <Field id="meeting-date" label={t('district.f.date')} {...opt(errorOf('date'))}>
            {(aria) => <input {...aria} type="date" min={districtToday()} value={values.date} onChange={set('date')} />}
          </Field>
          <Field id="meeting-start" label={t('district.f.start')}>
            {(aria) => (
              <select {...aria} value={values.start} onChange={set('start')}>
                {quarterOptions}
              </select>
            )}
          </Field>
          <Field id="meeting-end" label={t('district.f.end')} {...opt(errorOf('end'))}>
            {(aria) => (
              <select {...aria} value={values.end} onChange={set('end')}>
                {quarterOptions}
              </select>
            )}
          </Field>
        </div>
        <Field id="meeting-hostStreet" label={t('district.f.hostStreet')} hint={t('district.f.hostStreetHint')} {...opt(errorOf('hostStreet'))}>
          {(aria) => (
            <select {...aria} value={values.hostStreet} onChange={set('hostStreet')}>
              {STREETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {nameOf(s.id, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className={errorOf('streets') ? 'field field-error' : 'field'} aria-describedby={errorOf('streets') ? 'streets-error' : undefined}>
          <legend>{t('district.f.streets')}</legend>
          {errorOf('streets') ? (
            <span className="error-message" id="streets-error">
              {errorOf('streets')}
            </span>
          ) : null}
          {STREETS.map((s) => (
            <label key={s.id} className="choice">
              <input type="checkbox" id={`member-${s.id.replace('/', '-')}`} checked={values.streets.includes(s.id)} onChange={() => toggle(s.id)} /> {nameOf(s.id, locale)}
            </label>
          ))}
        </fieldset>
        <Field id="meeting-departments" label={t('district.f.departments')} hint={t('district.f.departmentsHint')} {...opt(errorOf('departments'))}>
          {(aria) => <input {...aria} value={values.departments} onChange={set('departments')} autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field id="meeting-agenda" label={t('district.f.agenda')} hint={t('district.f.agendaHint')} {...opt(errorOf('agenda'))}>
          {(aria) => <textarea {...aria} rows={3} value={values.agenda} onChange={set('agenda')} />}
        </Field>
        <Field id="meeting-attendees" label={t('district.f.attendees')} hint={t('district.f.attendeesHint')} {...opt(errorOf('attendees'))}>
          {(aria) => <input {...aria} inputMode="numeric" value={values.attendees} onChange={set('attendees')} />}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('district.sending') : t('district.convene')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

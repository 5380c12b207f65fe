import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { districtToday } from '../../../lib/places.ts';
import { book, type Booking, type Room } from '../api/rooms.ts';
import { at, QUARTERS } from './week.ts';

interface Values {
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: string;
}
type Name = keyof Values;
const MAX_MS = 8 * 3_600_000;

/** The checks of the booking route (services/premises/rooms/routes.ts and domain.ts), before sending. */
function check(values: Values, capacity: number, now = Date.now()): Array<{ name: Name; message: MessageKey }> {
  const wrong: Array<{ name: Name; message: MessageKey }> = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || values.date < districtToday()) wrong.push({ name: 'date', message: 'v.date' });
  else if (Date.parse(at(values.date, values.start)) <= now) wrong.push({ name: 'start', message: 'v.past' });
  const length = Date.parse(at('2000-01-01', values.end)) - Date.parse(at('2000-01-01', values.start));
  if (!(length > 0 && length <= MAX_MS)) wrong.push({ name: 'end', message: 'v.end' });
  const purpose = values.purpose.trim();
  if (purpose.length < 1 || purpose.length > 500) wrong.push({ name: 'purpose', message: 'v.purpose' });
  const attendees = Number(values.attendees);
  if (!Number.isInteger(attendees) || attendees < 1 || attendees > capacity) wrong.push({ name: 'attendees', message: 'v.attendees' });
  return wrong;
}

/** Book a free window on quarter-hour boundaries; a window someone took first is explained at its field. */
export function BookingForm({ room, firstDay, onBooked, onConflict }: { room: Room; firstDay: string; onBooked: (b: Booking) => void; onConflict: () => void }) {
  const t = useT();
  const [values, setValues] = useState<Values>({ date: firstDay, start: '09:00', end: '10:00', purpose: '', attendees: '' });
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const change = (name: Name) => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };
  const say = (name: Name, message: MessageKey): FieldProblem & { name: Name } => ({ field: name, name, message: t(message, { capacity: room.capacity }) });
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;

  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const booking = await book(
        room.id,
        { startsAt: at(values.date, values.start), endsAt: at(values.date, values.end), purpose: values.purpose.trim(), attendees: Number(values.attendees) },
        key,
      );
      setProblems([]);
      setValues({ ...values, purpose: '', attendees: '' });
      setKey(idempotencyKey());
      onBooked(booking);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409) {
        setProblems([say('start', 'room.conflict')]);
        onConflict();
      } else if (failure.status === 400 && failure.problem?.errors?.length) {
        const byField: Record<string, Name> = { startsAt: 'start', endsAt: 'end', purpose: 'purpose', attendees: 'attendees' };
        const messages: Record<Name, MessageKey> = { date: 'v.date', start: 'v.past', end: 'v.end', purpose: 'v.purpose', attendees: 'v.attendees' };
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = byField[issue.field.split('.').pop() ?? ''] ?? 'start';
            return say(name, messages[name]);
          }),
        );
      } else if (failure.status === 422 && failure.problem) {
        setProblems([{ field: 'attendees', name: 'attendees', message: failure.problem.detail }]);
      } else throw failure;
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check(values, room.capacity);
    setProblems(wrong.map((w) => say(w.name, w.message)));
    if (wrong.length === 0) void send();
  };
  const quarterOptions = QUARTERS.map((q) => (
    <option key={q} value={q}>
      {q}
    </option>
  ));
  return (
    <section aria-labelledby="book-title">
      <h2 id="book-title">{t('room.book')}</h2>
      <p>{t('room.bookIntro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <Field id="date" label={t('room.date')} {...opt(errorOf('date'))}>
          {(aria) => <input {...aria} type="date" min={districtToday()} value={values.date} onChange={change('date')} />}
        </Field>
        <div className="field-row">
          <Field id="start" label={t('room.start')} {...opt(errorOf('start'))}>
            {(aria) => (
              <select {...aria} value={values.start} onChange={change('start')}>
                {quarterOptions}
              </select>
            )}
          </Field>
          <Field id="end" label={t('room.end')} {...opt(errorOf('end'))}>
            {(aria) => (
              <select {...aria} value={values.end} onChange={change('end')}>
                {quarterOptions}
              </select>
            )}
          </Field>
        </div>
        <Field id="purpose" label={t('room.purpose')} hint={t('room.purposeHint')} {...opt(errorOf('purpose'))}>
          {(aria) => <input {...aria} value={values.purpose} onChange={change('purpose')} />}
        </Field>
        <Field id="attendees" label={t('room.attendees')} hint={t('room.attendeesHint', { capacity: room.capacity })} {...opt(errorOf('attendees'))}>
          {(aria) => <input {...aria} inputMode="numeric" value={values.attendees} onChange={change('attendees')} />}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('room.submitting') : t('room.submit')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

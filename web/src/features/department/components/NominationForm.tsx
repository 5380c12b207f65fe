import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { nominate, type Appointment, type NominationRequest } from '../api/nominations.ts';

interface Values {
  street: string;
  agency: string;
  action: NonNullable<NominationRequest['action']>;
  nominee: string;
  reason: string;
}
type Name = keyof Values;
const LIMITS: Partial<Record<Name, [number, MessageKey]>> = {
  agency: [200, 'department.v.agency'],
  nominee: [100, 'department.v.nominee'],
  reason: [4_000, 'department.v.reason'],
};

/** Nominate the head of the department's agency in a street, or ask to remove one: the street's committee consents in writing. */
export function NominationForm({ onNominated }: { onNominated: (appointment: Appointment) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const blank: Values = { street: STREETS[0]!.id, agency: '', action: 'appoint', nominee: '', reason: '' };
  const [values, setValues] = useState<Values>(blank);
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const set = (name: Name) => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const say = (name: Name, message: string) => ({ field: `nomination-${name}`, name, message });

  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const made = await nominate(
        { street: values.street, agency: values.agency.trim(), action: values.action, nominee: { name: values.nominee.trim() }, reason: values.reason.trim() },
        key,
      );
      setProblems([]);
      setValues(blank);
      setKey(idempotencyKey());
      onNominated(made);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409) setProblems([say('street', t('department.nominate.conflict'))]);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = (['street', 'agency', 'action', 'nominee', 'reason'] as Name[]).find((n) => issue.field.split('.').includes(n)) ?? 'reason';
            const ours = LIMITS[name];
            return say(name, ours ? t(ours[1]) : issue.message);
          }),
        );
      } else setProblems([say('street', failure.status === 403 ? t('department.nominate.forbidden') : (failure.problem?.detail ?? failure.message))]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = (Object.entries(LIMITS) as Array<[Name, [number, MessageKey]]>)
      .filter(([name, [max]]) => {
        const length = values[name].trim().length;
        return length < 1 || length > max;
      })
      .map(([name, [, message]]) => say(name, t(message)));
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  return (
    <section aria-labelledby="nominate-title">
      <h2 id="nominate-title">{t('department.nominate.title')}</h2>
      <p>{t('department.nominate.intro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field id="nomination-street" label={t('department.nominate.street')} {...opt(errorOf('street'))}>
            {(aria) => (
              <select {...aria} value={values.street} onChange={set('street')}>
                {STREETS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {nameOf(s.id, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="nomination-action" label={t('department.nominate.action')}>
            {(aria) => (
              <select {...aria} value={values.action} onChange={set('action')}>
                <option value="appoint">{t('department.action.appoint')}</option>
                <option value="remove">{t('department.action.remove')}</option>
              </select>
            )}
          </Field>
        </div>
        <Field id="nomination-agency" label={t('department.nominate.agency')} hint={t('department.nominate.agencyHint')} {...opt(errorOf('agency'))}>
          {(aria) => <input {...aria} value={values.agency} onChange={set('agency')} />}
        </Field>
        <Field id="nomination-nominee" label={t('department.nominate.nominee')} {...opt(errorOf('nominee'))}>
          {(aria) => <input {...aria} autoComplete="off" value={values.nominee} onChange={set('nominee')} />}
        </Field>
        <Field id="nomination-reason" label={t('department.nominate.reason')} {...opt(errorOf('reason'))}>
          {(aria) => <textarea {...aria} rows={3} value={values.reason} onChange={set('reason')} />}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('department.nominate.sending') : t('department.nominate.submit')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

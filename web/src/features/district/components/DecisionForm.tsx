import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { fenOf } from '../../finance/components/money.ts';
import { recordDecision, type Decision, type Meeting } from '../api/district.ts';

type Name = 'title' | 'owner' | 'deadline' | 'street' | 'money' | 'purpose';
type Values = Record<Name, string>;
const SLUG = /^[a-z][a-z0-9-]{1,62}$/;

function check(v: Values): Array<{ name: Name; message: MessageKey }> {
  const wrong: Array<{ name: Name; message: MessageKey }> = [];
  if (v.title.trim().length < 1 || v.title.trim().length > 500) wrong.push({ name: 'title', message: 'district.v.decisionTitle' });
  if (!SLUG.test(v.owner.trim())) wrong.push({ name: 'owner', message: 'district.v.owner' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.deadline)) wrong.push({ name: 'deadline', message: 'district.v.deadline' });
  if (v.money.trim() && !((fenOf(v.money) ?? 0) > 0)) wrong.push({ name: 'money', message: 'district.v.money' });
  if (v.purpose.trim().length > 500) wrong.push({ name: 'purpose', message: 'district.v.purpose' });
  return wrong;
}

/** A decision of the meeting: owner department and deadline; with money, the street it is for and why (asked of finance). */
export function DecisionForm({ meeting, onRecorded }: { meeting: Meeting; onRecorded: (d: Decision) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const empty: Values = { title: '', owner: '', deadline: '', street: meeting.hostStreet, money: '', purpose: '' };
  const [values, setValues] = useState<Values>(empty);
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const set = (name: Name) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const say = (name: Name, message: string) => ({ field: `decision-${name}`, name, message });

  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const fen = values.money.trim() ? fenOf(values.money) : undefined;
      const decision = await recordDecision(meeting.id, {
        title: values.title.trim(),
        ownerDepartment: values.owner.trim(),
        deadline: values.deadline,
        street: values.street,
        ...(fen ? { fundingFen: fen, ...(values.purpose.trim() ? { purpose: values.purpose.trim() } : {}) } : {}),
      });
      setValues(empty);
      setProblems([]);
      onRecorded(decision);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 400 || failure.status === 403 || failure.status === 409 || failure.status === 422) {
        const field = failure.problem?.errors?.[0]?.field.split('.').pop() ?? '';
        const byField: Record<string, Name> = { title: 'title', ownerDepartment: 'owner', deadline: 'deadline', street: 'street', fundingFen: 'money', purpose: 'purpose' };
        setProblems([say(byField[field] ?? 'title', failure.problem?.detail ?? t('district.v.refused'))]);
      } else throw failure;
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check(values);
    setProblems(wrong.map((w) => say(w.name, t(w.message))));
    if (wrong.length === 0) void send();
  };
  return (
    <section aria-labelledby="decision-form-title">
      <h2 id="decision-form-title">{t('district.decideTitle')}</h2>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <Field id="decision-title" label={t('district.f.decision')} {...opt(errorOf('title'))}>
          {(aria) => <input {...aria} value={values.title} onChange={set('title')} />}
        </Field>
        <div className="field-row">
          <Field id="decision-owner" label={t('district.f.owner')} hint={t('district.f.ownerHint')} {...opt(errorOf('owner'))}>
            {(aria) => <input {...aria} value={values.owner} onChange={set('owner')} autoCapitalize="none" spellCheck={false} />}
          </Field>
          <Field id="decision-deadline" label={t('district.f.deadline')} {...opt(errorOf('deadline'))}>
            {(aria) => <input {...aria} type="date" min={districtToday()} value={values.deadline} onChange={set('deadline')} />}
          </Field>
        </div>
        <div className="field-row">
          <Field id="decision-street" label={t('district.f.street')} {...opt(errorOf('street'))}>
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
          <Field id="decision-money" label={t('district.f.money')} hint={t('district.f.moneyHint')} {...opt(errorOf('money'))}>
            {(aria) => <input {...aria} inputMode="decimal" value={values.money} onChange={set('money')} />}
          </Field>
        </div>
        <Field id="decision-purpose" label={t('district.f.purpose')} hint={t('district.f.purposeHint')} {...opt(errorOf('purpose'))}>
          {(aria) => <input {...aria} value={values.purpose} onChange={set('purpose')} />}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('district.sending') : t('district.record')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

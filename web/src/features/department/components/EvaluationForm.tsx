import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { requestEvaluation, type Evaluation } from '../api/evaluations.ts';

const PERIOD = /^\d{4}(-H[12]|-Q[1-4])?$/;
type Name = 'title' | 'period' | 'units' | 'description';

/**
 * Ask for an evaluation of the department's units in the streets: each street's committee gives its
 * written opinion first (10 working days). One unit per line, for each street chosen.
 */
export function EvaluationForm({ onRequested }: { onRequested: (e: Evaluation) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const blank = { title: '', period: `${new Date().getFullYear()}-H1`, description: '', units: {} as Record<string, string> };
  const [values, setValues] = useState(blank);
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const set = (name: 'title' | 'period' | 'description') => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };
  const setUnits = (street: string, text: string) => {
    setValues({ ...values, units: { ...values.units, [street]: text } });
    setKey(idempotencyKey());
  };
  const units = () =>
    Object.entries(values.units).flatMap(([street, text]) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((name) => ({ street, name })),
    );
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const say = (name: Name, message: string) => ({ field: name === 'units' ? `evaluation-units-${STREETS[0]!.id.replace('/', '-')}` : `evaluation-${name}`, name, message });
  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const made = await requestEvaluation(
        { title: values.title.trim(), period: values.period.trim(), units: units(), ...(values.description.trim() ? { description: values.description.trim() } : {}) },
        key,
      );
      setProblems([]);
      setValues(blank);
      setKey(idempotencyKey());
      onRequested(made);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 403) setProblems([say('units', t('department.evaluate.forbidden'))]);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = (['title', 'period', 'description'] as const).find((n) => issue.field.split('.').includes(n)) ?? 'units';
            return say(name, t(`department.evaluate.v.${name}`));
          }),
        );
      } else setProblems([say('title', failure.problem?.detail ?? t('department.evaluate.refused'))]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong: Array<FieldProblem & { name: Name }> = [];
    if (values.title.trim().length < 1 || values.title.trim().length > 300) wrong.push(say('title', t('department.evaluate.v.title')));
    if (!PERIOD.test(values.period.trim())) wrong.push(say('period', t('department.evaluate.v.period')));
    const all = units();
    if (all.length < 1 || all.length > 200 || all.some((u) => u.name.length > 200)) wrong.push(say('units', t('department.evaluate.v.units')));
    if (values.description.trim().length > 4000) wrong.push(say('description', t('department.evaluate.v.description')));
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  return (
    <section aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">{t('department.evaluate.title')}</h2>
      <p>{t('department.evaluate.intro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field id="evaluation-title" label={t('department.evaluate.f.title')} {...opt(errorOf('title'))}>
            {(aria) => <input {...aria} value={values.title} onChange={set('title')} />}
          </Field>
          <Field id="evaluation-period" label={t('department.evaluate.f.period')} hint={t('department.evaluate.f.periodHint')} {...opt(errorOf('period'))}>
            {(aria) => <input {...aria} value={values.period} onChange={set('period')} autoCapitalize="characters" spellCheck={false} />}
          </Field>
        </div>
        <fieldset className={errorOf('units') ? 'field field-error' : 'field'} aria-describedby={errorOf('units') ? 'evaluation-units-error' : 'evaluation-units-hint'}>
          <legend>{t('department.evaluate.f.units')}</legend>
          <span className="hint" id="evaluation-units-hint">
            {t('department.evaluate.f.unitsHint')}
          </span>
          {errorOf('units') ? (
            <span className="error-message" id="evaluation-units-error">
              {errorOf('units')}
            </span>
          ) : null}
          {STREETS.map((s) => (
            <div className="field" key={s.id}>
              <label htmlFor={`evaluation-units-${s.id.replace('/', '-')}`}>{nameOf(s.id, locale)}</label>
              <textarea id={`evaluation-units-${s.id.replace('/', '-')}`} rows={2} value={values.units[s.id] ?? ''} onChange={(e) => setUnits(s.id, e.target.value)} />
            </div>
          ))}
        </fieldset>
        <Field id="evaluation-description" label={t('department.evaluate.f.description')} hint={t('department.evaluate.f.optional')} {...opt(errorOf('description'))}>
          {(aria) => <textarea {...aria} rows={2} value={values.description} onChange={set('description')} />}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('department.evaluate.sending') : t('department.evaluate.submit')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

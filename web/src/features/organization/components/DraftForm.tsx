import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { allOf, ApiError, idempotencyKey } from '../../../lib/api.ts';
import { districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { KINDS } from '../../jobs/api/positions.ts';
import { EDUCATION } from '../../applications/api/applications.ts';
import { draft, publish, type OfficePosition, type PositionRequest } from '../api/organization.ts';

type Name = 'title' | 'street' | 'kind' | 'quota' | 'opens' | 'closes' | 'pools' | 'minYears' | 'maxAge' | 'minEducation' | 'description';
type Values = Record<Exclude<Name, 'pools'>, string> & { pools: string[] };
const POOLS = allOf<PositionRequest['eligibility']['sourcePools'][number]>()(['village-cadre', 'community-worker', 'civil-servant', 'public-institution', 'other']);

const whole = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;
/** A China day's start (00:00 +08:00) or end (23:59:59 +08:00) as an instant. */
const instant = (day: string, end = false) => new Date(`${day}T${end ? '23:59:59' : '00:00:00'}+08:00`).toISOString();

/** The route's checks (services/recruitment/positions/routes.ts) before sending. */
function check(v: Values): Array<{ name: Name; message: MessageKey }> {
  const wrong: Array<{ name: Name; message: MessageKey }> = [];
  if (v.title.trim().length < 1 || v.title.trim().length > 200) wrong.push({ name: 'title', message: 'organization.v.title' });
  if (!whole(v.quota, 1, 25)) wrong.push({ name: 'quota', message: 'organization.v.quota' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.opens)) wrong.push({ name: 'opens', message: 'organization.v.opens' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.closes) || v.closes < v.opens) wrong.push({ name: 'closes', message: 'organization.v.closes' });
  if (v.pools.length === 0) wrong.push({ name: 'pools', message: 'organization.v.pools' });
  if (v.minYears.trim() && !whole(v.minYears, 0, 50)) wrong.push({ name: 'minYears', message: 'organization.v.minYears' });
  if (v.maxAge.trim() && !whole(v.maxAge, 16, 70)) wrong.push({ name: 'maxAge', message: 'organization.v.maxAge' });
  if (v.description.trim().length > 4000) wrong.push({ name: 'description', message: 'organization.v.description' });
  return wrong;
}

/** Draft a position for a street, then publish it within the plan (or see why it does not fit). */
export function DraftForm({ street, onPublished, onDrafted }: { street: string; onPublished: (p: OfficePosition) => void; onDrafted?: (p: OfficePosition) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const today = districtToday();
  const [values, setValues] = useState<Values>({
    title: '', street, kind: 'community-worker', quota: '1', opens: today, closes: '', pools: [], minYears: '', maxAge: '', minEducation: '', description: '',
  });
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [drafted, setDrafted] = useState<OfficePosition>();
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState<(() => void) | undefined>();
  const [key, setKey] = useState(idempotencyKey);
  const set = (name: Exclude<Name, 'pools'>) => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };
  const togglePool = (pool: string) => {
    setValues({ ...values, pools: values.pools.includes(pool) ? values.pools.filter((p) => p !== pool) : [...values.pools, pool] });
    setKey(idempotencyKey());
  };
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const fieldId = (name: Name) => (name === 'pools' ? 'pool-village-cadre' : `draft-${name}`);
  const say = (name: Name, message: string) => ({ field: fieldId(name), name, message });

  const refusal = (failure: ApiError, fallback: Name) => {
    const field = failure.problem?.errors?.[0]?.field.split('.').pop();
    const byField: Record<string, Name> = { title: 'title', quota: 'quota', opensAt: 'opens', closesAt: 'closes', sourcePools: 'pools', street: 'street' };
    setProblems([say(byField[field ?? ''] ?? fallback, failure.problem?.detail ?? t('organization.v.refused'))]);
  };

  const sendDraft = async () => {
    setSending(true);
    setOffline(undefined);
    try {
      const body: PositionRequest = {
        title: values.title.trim(),
        street: values.street,
        kind: values.kind as PositionRequest['kind'],
        quota: Number(values.quota),
        opensAt: instant(values.opens),
        closesAt: instant(values.closes, true),
        year: Number(values.opens.slice(0, 4)),
        eligibility: {
          sourcePools: values.pools as PositionRequest['eligibility']['sourcePools'],
          ...(values.minYears.trim() ? { minYearsOfService: Number(values.minYears) } : {}),
          ...(values.maxAge.trim() ? { maxAge: Number(values.maxAge) } : {}),
          ...(values.minEducation ? { minEducation: values.minEducation as NonNullable<PositionRequest['eligibility']['minEducation']> } : {}),
        },
        ...(values.description.trim() ? { description: values.description.trim() } : {}),
      };
      const made = await draft(body, key);
      setDrafted(made);
      onDrafted?.(made);
      setKey(idempotencyKey());
      setProblems([]);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(() => () => void sendDraft());
      else if (failure.status === 400 || failure.status === 403 || failure.status === 409 || failure.status === 422) refusal(failure, 'title');
      else throw failure;
    } finally {
      setSending(false);
    }
  };
  const sendPublish = async (position: OfficePosition) => {
    setSending(true);
    setOffline(undefined);
    try {
      const published = await publish(position.id);
      setDrafted(undefined);
      setValues({ ...values, title: '', description: '' });
      onPublished(published);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(() => () => void sendPublish(position));
      else if (failure.status === 409 || failure.status === 422) setProblems([{ field: 'publish', name: 'quota', message: failure.problem?.detail ?? t('organization.v.refused') }]);
      else throw failure;
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check(values);
    setProblems(wrong.map((w) => say(w.name, t(w.message))));
    if (wrong.length === 0) void sendDraft();
  };

  return (
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">{t('organization.draftTitle')}</h2>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={offline} /> : null}
      {drafted ? (
        <div className="notice" role="status">
          <p>{t('organization.drafted', { title: drafted.title, street: nameOf(drafted.street, locale), quota: drafted.quota })}</p>
          <button type="button" id="publish" disabled={sending} onClick={() => void sendPublish(drafted)}>
            {t('organization.publish', { title: drafted.title })}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            disabled={sending}
            onClick={() => {
              setDrafted(undefined);
              setValues({ ...values, title: '', description: '' });
            }}
          >
            {t('organization.drafts.keep')}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field id="draft-title" label={t('organization.f.title')} {...opt(errorOf('title'))}>
            {(aria) => <input {...aria} value={values.title} onChange={set('title')} />}
          </Field>
          <div className="field-row">
            <Field id="draft-street" label={t('organization.street')}>
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
            <Field id="draft-kind" label={t('organization.f.kind')}>
              {(aria) => (
                <select {...aria} value={values.kind} onChange={set('kind')}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="draft-quota" label={t('organization.f.quota')} hint={t('organization.f.quotaHint')} {...opt(errorOf('quota'))}>
              {(aria) => <input {...aria} inputMode="numeric" value={values.quota} onChange={set('quota')} />}
            </Field>
          </div>
          <div className="field-row">
            <Field id="draft-opens" label={t('organization.f.opens')} {...opt(errorOf('opens'))}>
              {(aria) => <input {...aria} type="date" value={values.opens} onChange={set('opens')} />}
            </Field>
            <Field id="draft-closes" label={t('organization.f.closes')} hint={t('organization.f.closesHint')} {...opt(errorOf('closes'))}>
              {(aria) => <input {...aria} type="date" min={values.opens} value={values.closes} onChange={set('closes')} />}
            </Field>
          </div>
          <fieldset className={errorOf('pools') ? 'field field-error' : 'field'} aria-describedby={errorOf('pools') ? 'pools-error' : undefined}>
            <legend>{t('organization.f.pools')}</legend>
            {errorOf('pools') ? (
              <span className="error-message" id="pools-error">
                {errorOf('pools')}
              </span>
            ) : null}
            {POOLS.map((pool) => (
              <label key={pool} className="choice">
                <input type="checkbox" id={`pool-${pool}`} checked={values.pools.includes(pool)} onChange={() => togglePool(pool)} /> {t(`pool.${pool}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <div className="field-row">
            <Field id="draft-minYears" label={t('organization.f.minYears')} hint={t('organization.f.optional')} {...opt(errorOf('minYears'))}>
              {(aria) => <input {...aria} inputMode="numeric" value={values.minYears} onChange={set('minYears')} />}
            </Field>
            <Field id="draft-maxAge" label={t('organization.f.maxAge')} hint={t('organization.f.optional')} {...opt(errorOf('maxAge'))}>
              {(aria) => <input {...aria} inputMode="numeric" value={values.maxAge} onChange={set('maxAge')} />}
            </Field>
            <Field id="draft-minEducation" label={t('organization.f.minEducation')}>
              {(aria) => (
                <select {...aria} value={values.minEducation} onChange={set('minEducation')}>
                  <option value="">{t('organization.f.anyEducation')}</option>
                  {EDUCATION.map((e) => (
                    <option key={e} value={e}>
                      {t(`edu.${e}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field id="draft-description" label={t('organization.f.description')} hint={t('organization.f.optional')} {...opt(errorOf('description'))}>
            {(aria) => <textarea {...aria} rows={3} value={values.description} onChange={set('description')} />}
          </Field>
          <button type="submit" disabled={sending}>
            {sending ? t('organization.sending') : t('organization.saveDraft')}
          </button>
        </form>
      )}
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

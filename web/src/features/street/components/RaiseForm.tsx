import { useEffect, useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { allOf, ApiError, idempotencyKey } from '../../../lib/api.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { DEPARTMENTS, departmentName } from '../../department/names.ts';
import { raiseIssue, streetCompanies, type Category, type CompanyPage, type Issue, type Urgency } from '../api/issues.ts';

export const CATEGORIES = allOf<Category>()(['community-construction', 'production-safety', 'property-management', 'other']);
export const URGENCIES = allOf<Urgency>()(['emergency', 'utility', 'general', 'complex']);

interface Values {
  category: Category;
  urgency: Urgency;
  departments: string[];
  description: string;
  location: string;
  community: string;
  company: string;
}
type Name = keyof Values;
const FIRST_DEPARTMENT = `dept-${DEPARTMENTS[0]}`;
const idOf = (name: Name) => (name === 'departments' ? FIRST_DEPARTMENT : `issue-${name}`);
type Company = CompanyPage['items'][number];

/** The raising route's checks (services/coordination/issues/routes.ts), before sending. */
function check(values: Values): Array<{ name: Name; message: MessageKey }> {
  const wrong: Array<{ name: Name; message: MessageKey }> = [];
  if (values.departments.length === 0) wrong.push({ name: 'departments', message: 'street.v.departments' });
  const description = values.description.trim();
  if (description.length < 1 || description.length > 4_000) wrong.push({ name: 'description', message: 'street.v.description' });
  const location = values.location.trim();
  if (location.length < 1 || location.length > 500) wrong.push({ name: 'location', message: 'street.v.location' });
  return wrong;
}

/**
 * Blow the whistle: call departments to a problem, with its urgency (which sets the deadlines),
 * category, location and community. A street official chooses the community (or none); a
 * community worker raises for their own.
 */
export function RaiseForm({ street, community, onRaised }: { street: string; community?: string; onRaised: (issue: Issue) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const blank: Values = { category: 'community-construction', urgency: 'general', departments: [], description: '', location: '', community: community ?? '', company: '' };
  const [companies, setCompanies] = useState<Company[]>([]);
  useEffect(() => {
    let live = true;
    // The choices only: without them the form still raises (no company named).
    streetCompanies(street).then(
      (found) => live && setCompanies(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [street]);
  const [values, setValues] = useState<Values>(blank);
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const set = (patch: Partial<Values>) => {
    setValues({ ...values, ...patch });
    setKey(idempotencyKey());
  };
  const say = (name: Name, message: string): FieldProblem & { name: Name } => ({ field: idOf(name), name, message });
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const communities = STREETS.find((s) => s.id === street)?.communities ?? [];
  // A company serves named communities: only those serving the chosen one (all of the street's without one).
  const serving = companies.filter((c) => !values.community || c.communities.includes(values.community));

  const send = async () => {
    setSending(true);
    setOffline(false);
    setRefusal(undefined);
    try {
      const issue = await raiseIssue(
        {
          category: values.category,
          urgency: values.urgency,
          departments: values.departments,
          description: values.description.trim(),
          location: values.location.trim(),
          ...(values.community ? { community: values.community } : {}),
          ...(values.company ? { propertyCompanyId: values.company } : {}),
        },
        key,
      );
      setProblems([]);
      setValues(blank);
      setKey(idempotencyKey());
      onRaised(issue);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        const known: Name[] = ['departments', 'description', 'location', 'community', 'category', 'urgency'];
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = issue.field.endsWith('propertyCompanyId') ? 'company' : (known.find((n) => issue.field.split('.').includes(n)) ?? 'description');
            const ours: Partial<Record<Name, MessageKey>> = { departments: 'street.v.departments', description: 'street.v.description', location: 'street.v.location' };
            return say(name, ours[name] ? t(ours[name]) : issue.message);
          }),
        );
      } else if (failure.status === 422 && failure.problem) setProblems([say(values.company ? 'company' : 'community', values.company ? t('street.v.company') : failure.problem.detail)]);
      else setRefusal(failure.status === 403 ? t('street.raise.forbidden') : (failure.problem?.detail ?? failure.message));
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
  const departmentsError = errorOf('departments');
  return (
    <section aria-labelledby="raise-title">
      <h2 id="raise-title">{t('street.raise.title')}</h2>
      <p>{t('street.raise.intro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      {refusal ? (
        <div className="notice" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field id="issue-urgency" label={t('street.raise.urgency')} hint={t(`street.urgencyHint.${values.urgency}` as MessageKey)}>
            {(aria) => (
              <select {...aria} value={values.urgency} onChange={(e) => set({ urgency: e.target.value as Urgency })}>
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t(`street.urgency.${u}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="issue-category" label={t('street.raise.category')}>
            {(aria) => (
              <select {...aria} value={values.category} onChange={(e) => set({ category: e.target.value as Category })}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`street.category.${c}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className={departmentsError ? 'field field-error' : 'field'} aria-describedby={departmentsError ? 'departments-error' : 'departments-hint'}>
          <legend>{t('street.raise.departments')}</legend>
          <span className="hint" id="departments-hint">
            {t('street.raise.departmentsHint')}
          </span>
          {departmentsError ? (
            <span className="error-message" id="departments-error">
              {departmentsError}
            </span>
          ) : null}
          <div className="checkboxes">
            {DEPARTMENTS.map((d) => (
              <div className="field checkbox" key={d}>
                <input
                  type="checkbox"
                  id={`dept-${d}`}
                  checked={values.departments.includes(d)}
                  onChange={(e) => set({ departments: e.target.checked ? [...values.departments, d] : values.departments.filter((x) => x !== d) })}
                />
                <label htmlFor={`dept-${d}`}>{departmentName(t, d)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field id="issue-description" label={t('street.raise.description')} hint={t('street.raise.descriptionHint')} {...opt(errorOf('description'))}>
          {(aria) => <textarea {...aria} rows={4} value={values.description} onChange={(e) => set({ description: e.target.value })} />}
        </Field>
        <Field id="issue-location" label={t('street.raise.location')} hint={t('street.raise.locationHint')} {...opt(errorOf('location'))}>
          {(aria) => <input {...aria} value={values.location} onChange={(e) => set({ location: e.target.value })} />}
        </Field>
        {community ? (
          <p>{t('street.raise.ownCommunity', { community: nameOf(community, locale) })}</p>
        ) : (
          <Field id="issue-community" label={t('street.raise.community')} {...opt(errorOf('community'))}>
            {(aria) => (
              <select {...aria} value={values.community} onChange={(e) => set({ community: e.target.value, company: '' })}>
                <option value="">{t('street.raise.noCommunity')}</option>
                {communities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {nameOf(c.id, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {serving.length ? (
          <Field id="issue-company" label={t('street.raise.company')} hint={t('street.raise.companyHint')} {...opt(errorOf('company'))}>
            {(aria) => (
              <select {...aria} value={values.company} onChange={(e) => set({ company: e.target.value })}>
                <option value="">{t('street.raise.noCompany')}</option>
                {serving.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <button type="submit" disabled={sending}>
          {sending ? t('street.raise.sending') : t('street.raise.submit')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

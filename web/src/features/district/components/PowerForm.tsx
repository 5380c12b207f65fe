import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { DEPARTMENTS, departmentName } from '../../department/names.ts';
import { addPower, type Power, type PowerDomain } from '../api/district.ts';

export const DOMAINS: readonly PowerDomain[] = ['social-governance', 'market-supervision', 'convenience-services', 'law-enforcement'];
const CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const SLUG = /^[a-z][a-z0-9-]{1,62}$/;

interface Values {
  code: string;
  name: string;
  domain: PowerDomain;
  legalBasis: string;
  fromDepartment: string;
}
type Name = keyof Values;
const NAMES: readonly Name[] = ['code', 'name', 'domain', 'legalBasis', 'fromDepartment'];

/** Enter a power in the catalog (authority's route: a code in it already is 409). Checked as the route checks before sending. */
export function PowerForm({ onAdded }: { onAdded: (power: Power) => void }) {
  const t = useT();
  const blank: Values = { code: '', name: '', domain: 'social-governance', legalBasis: '', fromDepartment: '' };
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
  const say = (name: Name, message: string) => ({ field: `power-${name}`, name, message });
  const check = () => {
    const wrong: Array<FieldProblem & { name: Name }> = [];
    if (!CODE.test(values.code.trim())) wrong.push(say('code', t('district.v.powerCode')));
    if (values.name.trim().length < 1 || values.name.trim().length > 300) wrong.push(say('name', t('district.v.powerName')));
    if (values.legalBasis.trim().length < 1 || values.legalBasis.trim().length > 1000) wrong.push(say('legalBasis', t('district.v.legalBasis')));
    if (!SLUG.test(values.fromDepartment.trim())) wrong.push(say('fromDepartment', t('district.v.fromDepartment')));
    return wrong;
  };
  const send = async () => {
    setSending(true);
    setOffline(false);
    const body = { code: values.code.trim(), name: values.name.trim(), domain: values.domain, legalBasis: values.legalBasis.trim(), fromDepartment: values.fromDepartment.trim() };
    try {
      const added = await addPower(body, key);
      setProblems([]);
      setValues(blank);
      setKey(idempotencyKey());
      onAdded(added);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409) setProblems([say('code', t('district.powerExists', { code: body.code }))]);
      else if (failure.status === 403) setProblems([say('code', t('district.powerForbidden'))]);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = NAMES.find((n) => issue.field.split('.').includes(n)) ?? 'name';
            const messages: Record<Name, MessageKey> = {
              code: 'district.v.powerCode',
              name: 'district.v.powerName',
              domain: 'district.v.powerName',
              legalBasis: 'district.v.legalBasis',
              fromDepartment: 'district.v.fromDepartment',
            };
            return say(name, t(messages[name]));
          }),
        );
      } else setProblems([say('code', failure.problem?.detail ?? t('district.v.refused'))]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check();
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  return (
    <section aria-labelledby="power-heading">
      <h2 id="power-heading">{t('district.addPowerTitle')}</h2>
      <p>{t('district.addPowerIntro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field id="power-code" label={t('district.f.powerCode')} hint={t('district.f.powerCodeHint')} {...opt(errorOf('code'))}>
            {(aria) => <input {...aria} value={values.code} onChange={set('code')} autoCapitalize="characters" spellCheck={false} autoComplete="off" />}
          </Field>
          <Field id="power-domain" label={t('district.f.domain')}>
            {(aria) => (
              <select {...aria} value={values.domain} onChange={set('domain')}>
                {DOMAINS.map((d) => (
                  <option key={d} value={d}>
                    {t(`domain.${d}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field id="power-name" label={t('district.f.powerName')} {...opt(errorOf('name'))}>
          {(aria) => <input {...aria} value={values.name} onChange={set('name')} />}
        </Field>
        <Field id="power-legalBasis" label={t('district.f.legalBasis')} hint={t('district.f.legalBasisHint')} {...opt(errorOf('legalBasis'))}>
          {(aria) => <textarea {...aria} rows={2} value={values.legalBasis} onChange={set('legalBasis')} />}
        </Field>
        <Field id="power-fromDepartment" label={t('district.f.fromDepartment')} hint={t('district.f.fromDepartmentHint')} {...opt(errorOf('fromDepartment'))}>
          {(aria) => (
            <>
              <input {...aria} list="power-departments" value={values.fromDepartment} onChange={set('fromDepartment')} autoCapitalize="none" spellCheck={false} autoComplete="off" />
              <datalist id="power-departments">
                {DEPARTMENTS.map((d) => (
                  <option key={d} value={d}>
                    {departmentName(t, d)}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('district.sending') : t('district.addPower')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

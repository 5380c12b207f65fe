import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { districtToday } from '../../../lib/places.ts';
import { position as loadPosition } from '../../jobs/api/positions.ts';
import { apply, EDUCATION, myApplicationTo, ROLES, type Application, type ApplicationRequest } from '../api/applications.ts';
import { Outcome } from '../components/Outcome.tsx';

interface Values {
  name: string;
  birthDate: string;
  education: string;
  currentRole: string;
  yearsOfService: string;
}
type FieldName = keyof Values;
const FIELDS: readonly FieldName[] = ['name', 'birthDate', 'education', 'currentRole', 'yearsOfService'];
const MESSAGES: Record<FieldName, MessageKey> = {
  name: 'v.name',
  birthDate: 'v.birthDate',
  education: 'v.education',
  currentRole: 'v.currentRole',
  yearsOfService: 'v.years',
};

/** The checks the route's schema makes (services/recruitment/applications/routes.ts), before sending. */
function check(values: Values): FieldName[] {
  const wrong: FieldName[] = [];
  const name = values.name.trim();
  if (name.length < 1 || name.length > 100) wrong.push('name');
  const day = values.birthDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)) || day < '1900-01-01' || day > districtToday()) wrong.push('birthDate');
  if (!(EDUCATION as readonly string[]).includes(values.education)) wrong.push('education');
  if (!(ROLES as readonly string[]).includes(values.currentRole)) wrong.push('currentRole');
  const years = Number(values.yearsOfService);
  if (values.yearsOfService.trim() === '' || !Number.isInteger(years) || years < 0 || years > 60) wrong.push('yearsOfService');
  return wrong;
}

/** `body.profile.birthDate` (a problem's field) → the form's `birthDate`. */
function fieldOf(path: string): FieldName | undefined {
  const last = path.split('.').pop() as FieldName;
  return FIELDS.includes(last) ? last : undefined;
}

/** A resident applies with a profile; the result comes back at once, with every reason. */
export function ApplyPage() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const { id } = useParams<{ id: string }>();
  const resident = Boolean(session?.roles.includes('resident'));
  const loaded = useLoad(
    async () => {
      const [position, existing] = await Promise.all([loadPosition(id), resident ? myApplicationTo(id) : Promise.resolve(undefined)]);
      return { position, existing };
    },
    [id, resident],
  );
  const [values, setValues] = useState<Values>({ name: session?.name ?? '', birthDate: '', education: '', currentRole: '', yearsOfService: '' });
  const [problems, setProblems] = useState<Array<FieldProblem & { name?: FieldName }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | undefined>();
  const [result, setResult] = useState<{ application: Application; already: boolean } | undefined>();
  // One key per submission: a retry after a network failure is the same request, not a second one.
  const [key, setKey] = useState(idempotencyKey);

  if (!session) return <ErrorView error={new ApiError(401)} />;
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const { position } = loaded.data;
  const shown = result ?? (loaded.data.existing ? { application: loaded.data.existing, already: true } : undefined);

  if (shown) {
    return (
      <Page title={t('result.title', { title: position.title })}>
        {shown.already ? <p className="notice">{t('apply.already', { date: format.dateTime(shown.application.submittedAt) })}</p> : null}
        <Outcome application={shown.application} position={position} />
        <p>
          <Link href="/me/applications">{t('result.mine')}</Link>
        </p>
      </Page>
    );
  }
  if (!resident) {
    return (
      <Page title={t('apply.title', { title: position.title })}>
        <p>{t('apply.onlyResidents')}</p>
      </Page>
    );
  }
  if (position.window !== 'open') {
    return (
      <Page title={t('apply.title', { title: position.title })}>
        <p>{t('apply.closed', { window: t(`window.${position.window}` as MessageKey) })}</p>
      </Page>
    );
  }

  const errorOf = (name: FieldName) => problems.find((p) => p.name === name)?.message;
  const change = (name: FieldName) => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };

  const send = async () => {
    setSending(true);
    setOffline(false);
    setRefusal(undefined);
    const body: ApplicationRequest = {
      name: values.name.trim(),
      profile: {
        birthDate: values.birthDate,
        education: values.education as ApplicationRequest['profile']['education'],
        currentRole: values.currentRole as ApplicationRequest['profile']['currentRole'],
        yearsOfService: Number(values.yearsOfService),
      },
    };
    try {
      setResult({ application: await apply(position.id, body, key), already: false });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        // The server's own checks, beside the fields they name.
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = fieldOf(issue.field);
            return name ? { field: name, name, message: t(MESSAGES[name]) } : { field: 'name', message: issue.message };
          }),
        );
      } else if (failure.status === 409) {
        // One application per position: show the one there is, not an error page.
        const existing = await myApplicationTo(position.id).catch(() => undefined);
        if (existing) setResult({ application: existing, already: true });
        else setRefusal(failure);
      } else setRefusal(failure);
    } finally {
      setSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check(values);
    setProblems(wrong.map((name) => ({ field: name, name, message: t(MESSAGES[name]) })));
    if (wrong.length === 0) void send();
  };

  if (refusal && refusal.status !== 409 && refusal.status !== 422) return <ErrorView error={refusal} />;
  return (
    <Page title={t('apply.title', { title: position.title })} lead={t('apply.intro')}>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      {refusal ? (
        <p className="notice" role="alert">
          {t('apply.conflict', { detail: refusal.problem?.detail ?? '' })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field id="name" label={t('apply.name')} {...optional('error', errorOf('name'))}>
          {(aria) => <input {...aria} name="name" autoComplete="name" value={values.name} onChange={change('name')} />}
        </Field>
        <Field id="birthDate" label={t('apply.birthDate')} hint={t('apply.birthDateHint')} {...optional('error', errorOf('birthDate'))}>
          {(aria) => <input {...aria} name="birthDate" type="date" autoComplete="bday" value={values.birthDate} onChange={change('birthDate')} />}
        </Field>
        <Field id="education" label={t('apply.education')} {...optional('error', errorOf('education'))}>
          {(aria) => (
            <select {...aria} name="education" value={values.education} onChange={change('education')}>
              <option value="">{t('apply.choose')}</option>
              {EDUCATION.map((level) => (
                <option key={level} value={level}>
                  {t(`edu.${level}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="currentRole" label={t('apply.currentRole')} {...optional('error', errorOf('currentRole'))}>
          {(aria) => (
            <select {...aria} name="currentRole" value={values.currentRole} onChange={change('currentRole')}>
              <option value="">{t('apply.choose')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`pool.${role}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="yearsOfService" label={t('apply.years')} hint={t('apply.yearsHint')} {...optional('error', errorOf('yearsOfService'))}>
          {(aria) => (
            <input {...aria} name="yearsOfService" inputMode="numeric" value={values.yearsOfService} onChange={change('yearsOfService')} />
          )}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('apply.submitting') : t('apply.submit')}
        </button>
      </form>
    </Page>
  );
}

const optional = <K extends string>(name: K, value: string | undefined) => (value === undefined ? {} : ({ [name]: value } as Record<K, string>));

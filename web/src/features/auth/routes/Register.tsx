import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { passwordProblem, PASSWORD_POLICY } from '../../../../../infra/sign-up/user-pool.ts';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { Page } from '../../../components/Page.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { signIn, useSession } from '../../../lib/auth.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { confirmSignUp, resendCode, signUp, SignUpError } from '../api/sign-up.ts';

/**
 * A resident registers themselves: e-mail address, name, password and their community, chosen from
 * the district's list by street, then community; then the 6-digit code mailed to them; then they
 * sign in (the normal OpenID flow). The user pool's SignUp and ConfirmSignUp, called from here alike
 * locally and in the cloud; the pool's pre sign-up trigger is the guard (a listed community, the
 * resident role only). Every refusal is said in words beside its field.
 *
 * Between steps the address (never the password) is kept in this tab's sessionStorage, so a reload
 * on the code step does not start over.
 */
type Step = { step: 'details' } | { step: 'code'; email: string; destination: string; community: string } | { step: 'done'; community: string };
const KEPT = 'five-haves.registration';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function kept(): Step {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEPT) ?? 'null') as Step | null;
    return stored?.step === 'code' ? stored : { step: 'details' };
  } catch {
    return { step: 'details' };
  }
}
function keep(step: Step): void {
  if (step.step === 'code') sessionStorage.setItem(KEPT, JSON.stringify(step));
  else sessionStorage.removeItem(KEPT);
}

/** Where to go after signing in: a path of this app only. */
function returnToOf(search: string): string {
  const wanted = new URLSearchParams(search).get('returnTo') ?? '/';
  return wanted.startsWith('/') && !wanted.startsWith('//') ? wanted : '/';
}

export function Register() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const returnTo = returnToOf(useSearch());
  const [step, setStepState] = useState<Step>(kept);
  const setStep = (next: Step) => {
    keep(next);
    setStepState(next);
  };
  if (session && step.step !== 'done') {
    return (
      <Page title={t('reg.title')}>
        <p>{t('reg.signedIn')}</p>
        <p>
          <Link href="/me">{t('reg.toAccount')}</Link>
        </p>
      </Page>
    );
  }
  if (step.step === 'code') return <CodeStep key="code" {...step} onDone={(community) => setStep({ step: 'done', community })} onRestart={() => setStep({ step: 'details' })} />;
  if (step.step === 'done') {
    return (
      <Page key="done" title={t('reg.doneTitle')}>
        <p>{t('reg.done', { community: nameOf(step.community, locale) })}</p>
        <p className="actions">
          <button type="button" onClick={() => void signIn({ returnTo, locale })}>
            {t('auth.signIn')}
          </button>
        </p>
      </Page>
    );
  }
  return <DetailsStep key="details" onSent={(email, destination, community) => setStep({ step: 'code', email, destination, community })} />;
}

interface Details {
  email: string;
  name: string;
  password: string;
  street: string;
  community: string;
}
type DetailName = keyof Details;

/** The page's own checks, before sending: what the pool would refuse, said at its field. */
function check(values: Details): Array<{ name: DetailName; message: MessageKey }> {
  const wrong: Array<{ name: DetailName; message: MessageKey }> = [];
  if (!EMAIL.test(values.email.trim()) || values.email.trim().length > 128) wrong.push({ name: 'email', message: 'reg.v.email' });
  const name = values.name.trim();
  if (name.length < 1 || name.length > 100) wrong.push({ name: 'name', message: 'reg.v.name' });
  if (passwordProblem(values.password) || values.password.trim() !== values.password) wrong.push({ name: 'password', message: 'reg.v.password' });
  if (!values.street) wrong.push({ name: 'street', message: 'reg.v.street' });
  else if (!STREETS.find((s) => s.id === values.street)?.communities.some((c) => c.id === values.community)) {
    wrong.push({ name: 'community', message: 'reg.v.community' });
  }
  return wrong;
}

/** Cognito's refusal of a SignUp, at the field it is about. */
function refusalOf(error: SignUpError): { name: DetailName; message: MessageKey } {
  switch (error.type) {
    case 'UsernameExistsException':
      return { name: 'email', message: 'reg.e.exists' };
    case 'InvalidPasswordException':
      return { name: 'password', message: 'reg.v.password' };
    case 'UserLambdaValidationException':
      // The pre sign-up trigger: a community off the district's list (or a scope of one's own).
      return { name: 'community', message: 'reg.e.community' };
    case 'CodeDeliveryFailureException':
      return { name: 'email', message: 'reg.e.delivery' };
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return { name: 'email', message: 'reg.e.tooMany' };
    case 'InvalidParameterException': {
      const about = error.message.toLowerCase();
      if (about.includes('password')) return { name: 'password', message: 'reg.v.password' };
      if (about.includes('community')) return { name: 'community', message: 'reg.v.community' };
      if (about.includes('name:') || about.includes("'name'")) return { name: 'name', message: 'reg.v.name' };
      return { name: 'email', message: 'reg.v.email' };
    }
    default:
      return { name: 'email', message: 'reg.e.other' };
  }
}

function DetailsStep({ onSent }: { onSent: (email: string, destination: string, community: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [values, setValues] = useState<Details>({ email: '', name: '', password: '', street: '', community: '' });
  const [problems, setProblems] = useState<Array<FieldProblem & { name: DetailName; key: MessageKey }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const say = (name: DetailName, key: MessageKey) => ({ field: name, name, key, message: t(key, { min: PASSWORD_POLICY.minLength }) });
  const errorOf = (name: DetailName) => problems.find((p) => p.name === name)?.message;
  const change = (name: DetailName) => (event: { target: { value: string } }) =>
    setValues(name === 'street' ? { ...values, street: event.target.value, community: '' } : { ...values, [name]: event.target.value });
  const street = STREETS.find((s) => s.id === values.street);
  const placeName = (name: { zh: string; en: string }) => (locale === 'en' ? name.en : name.zh);

  const send = async () => {
    setSending(true);
    setOffline(false);
    const email = values.email.trim();
    try {
      const answer = await signUp({ email, name: values.name.trim(), password: values.password, community: values.community });
      setProblems([]);
      onSent(email, answer.CodeDeliveryDetails?.Destination ?? email, values.community);
    } catch (error) {
      const failure = error instanceof SignUpError ? error : new SignUpError('network', '');
      if (failure.type === 'network') setOffline(true);
      else {
        const refusal = refusalOf(failure);
        setProblems([say(refusal.name, refusal.message)]);
      }
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check(values);
    setProblems(wrong.map((w) => say(w.name, w.message)));
    if (wrong.length === 0) void send();
  };
  const exists = problems.some((p) => p.key === 'reg.e.exists');
  return (
    <Page title={t('reg.title')} lead={t('reg.intro')}>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      {exists ? (
        <p className="actions">
          <button type="button" className="secondary" onClick={() => onSent(values.email.trim(), values.email.trim(), values.community)}>
            {t('reg.haveCode')}
          </button>
          <button type="button" className="secondary" onClick={() => void signIn({ locale })}>
            {t('auth.signIn')}
          </button>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field id="email" label={t('reg.email')} hint={t('reg.emailHint')} {...opt(errorOf('email'))}>
          {(aria) => <input {...aria} type="email" autoComplete="email" spellCheck={false} value={values.email} onChange={change('email')} />}
        </Field>
        <Field id="name" label={t('reg.name')} {...opt(errorOf('name'))}>
          {(aria) => <input {...aria} autoComplete="name" value={values.name} onChange={change('name')} />}
        </Field>
        <Field id="password" label={t('reg.password')} hint={t('reg.passwordHint', { min: PASSWORD_POLICY.minLength })} {...opt(errorOf('password'))}>
          {(aria) => <input {...aria} type="password" autoComplete="new-password" value={values.password} onChange={change('password')} />}
        </Field>
        <Field id="street" label={t('reg.street')} hint={t('reg.streetHint')} {...opt(errorOf('street'))}>
          {(aria) => (
            <select {...aria} value={values.street} onChange={change('street')}>
              <option value="">{t('reg.chooseStreet')}</option>
              {STREETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {placeName(s.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="community" label={t('reg.community')} hint={street ? t('reg.communityHint', { street: placeName(street.name) }) : t('reg.communityFirst')} {...opt(errorOf('community'))}>
          {(aria) => (
            <select {...aria} value={values.community} onChange={change('community')}>
              <option value="">{t('reg.chooseCommunity')}</option>
              {(street?.communities ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {placeName(c.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('reg.sending') : t('reg.send')}
        </button>
      </form>
      <p className="hint">{t('reg.officials')}</p>
    </Page>
  );
}

/** ConfirmSignUp's and ResendConfirmationCode's refusals, at the code. */
function codeRefusalOf(error: SignUpError): MessageKey {
  switch (error.type) {
    case 'CodeMismatchException':
      return 'reg.e.codeWrong';
    case 'ExpiredCodeException':
      return 'reg.e.codeExpired';
    case 'TooManyFailedAttemptsException':
    case 'LimitExceededException':
    case 'TooManyRequestsException':
      return 'reg.e.codeTooMany';
    case 'InvalidParameterException':
      return 'reg.v.code';
    default:
      return 'reg.e.other';
  }
}

function CodeStep({
  email,
  destination,
  community,
  onDone,
  onRestart,
}: {
  email: string;
  destination: string;
  community: string;
  onDone: (community: string) => void;
  onRestart: () => void;
}) {
  const t = useT();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<MessageKey | undefined>();
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState<'confirm' | 'resend' | undefined>();
  const [resent, setResent] = useState<string | undefined>();

  const fail = (error: unknown, during: 'confirm' | 'resend') => {
    const failure = error instanceof SignUpError ? error : new SignUpError('network', '');
    if (failure.type === 'network') setOffline(during);
    // Confirmed already (a second tab, a second click): the account exists.
    else if (failure.type === 'NotAuthorizedException' || (during === 'resend' && /already confirmed/i.test(failure.message))) onDone(community);
    else setProblem(codeRefusalOf(failure));
  };
  const confirm = async () => {
    setSending(true);
    setOffline(undefined);
    setResent(undefined);
    try {
      await confirmSignUp(email, code.trim());
      onDone(community);
    } catch (error) {
      fail(error, 'confirm');
    } finally {
      setSending(false);
    }
  };
  const resend = async () => {
    setSending(true);
    setOffline(undefined);
    setProblem(undefined);
    try {
      const answer = await resendCode(email);
      setCode('');
      setResent(answer.CodeDeliveryDetails?.Destination ?? destination);
    } catch (error) {
      fail(error, 'resend');
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setResent(undefined);
      setProblem('reg.v.code');
    } else void confirm();
  };
  const problems = problem ? [{ field: 'code', message: t(problem) }] : [];
  return (
    <Page title={t('reg.codeTitle')} lead={t('reg.codeSent', { destination })}>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void (offline === 'confirm' ? confirm() : resend())} /> : null}
      <p role="status">{resent ? t('reg.resent', { destination: resent }) : null}</p>
      <form onSubmit={submit} noValidate>
        <Field id="code" label={t('reg.code')} hint={t('reg.codeHint')} {...opt(problems[0]?.message)}>
          {(aria) => (
            <input {...aria} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(event) => setCode(event.target.value)} />
          )}
        </Field>
        <p className="actions">
          <button type="submit" disabled={sending}>
            {t('reg.confirm')}
          </button>
          <button type="button" className="secondary" disabled={sending} onClick={() => void resend()}>
            {t('reg.resend')}
          </button>
        </p>
      </form>
      <p>
        <button type="button" className="link-button" onClick={onRestart}>
          {t('reg.restart')}
        </button>
      </p>
    </Page>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

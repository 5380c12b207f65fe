import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { catalog, delegate, delegations, type Delegation } from '../api/district.ts';
import { RevokeForm } from '../components/RevokeForm.tsx';

const POLL_MS = 2_000;

/** Delegate powers of the catalog to streets from a date, under the decision that does it. */
function DelegateForm({ onAccepted }: { onAccepted: (d: Delegation) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const powers = useLoad(() => catalog(), []);
  const [values, setValues] = useState({ decisionRef: '', effectiveOn: districtToday(), codes: [] as string[], streets: [] as string[] });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const toggle = (list: 'codes' | 'streets', value: string) =>
    setValues({ ...values, [list]: values[list].includes(value) ? values[list].filter((v) => v !== value) : [...values[list], value] });
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      onAccepted(await delegate({ decisionRef: values.decisionRef.trim(), effectiveOn: values.effectiveOn, codes: values.codes, streets: values.streets }));
      setValues({ ...values, decisionRef: '', codes: [], streets: [] });
      setProblems([]);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.problem) setProblems([{ field: failure.status === 409 ? 'delegation-ref' : 'delegation-ref', message: failure.problem.detail ?? t('district.v.refused') }]);
      else throw failure;
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    if (values.decisionRef.trim().length < 1 || values.decisionRef.trim().length > 100) wrong.push({ field: 'delegation-ref', message: t('district.v.decisionRef') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveOn)) wrong.push({ field: 'delegation-on', message: t('district.v.effectiveOn') });
    if (values.codes.length === 0) wrong.push({ field: 'code-0', message: t('district.v.codes') });
    if (values.streets.length === 0) wrong.push({ field: 'dstreet-0', message: t('district.v.streets') });
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  return (
    <section aria-labelledby="delegate-title">
      <h2 id="delegate-title">{t('district.delegateTitle')}</h2>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field id="delegation-ref" label={t('district.f.decisionRef')} hint={t('district.f.decisionRefHint')} {...opt(errorOf('delegation-ref'))}>
            {(aria) => <input {...aria} value={values.decisionRef} onChange={(e) => setValues({ ...values, decisionRef: e.target.value })} />}
          </Field>
          <Field id="delegation-on" label={t('district.f.effectiveOn')} {...opt(errorOf('delegation-on'))}>
            {(aria) => <input {...aria} type="date" value={values.effectiveOn} onChange={(e) => setValues({ ...values, effectiveOn: e.target.value })} />}
          </Field>
        </div>
        <fieldset className={errorOf('code-0') ? 'field field-error' : 'field'}>
          <legend>{t('district.f.codes')}</legend>
          {errorOf('code-0') ? <span className="error-message">{errorOf('code-0')}</span> : null}
          {powers.state === 'ready'
            ? powers.data.map((p, i) => (
                <label key={p.code} className="choice">
                  <input type="checkbox" id={`code-${i}`} checked={values.codes.includes(p.code)} onChange={() => toggle('codes', p.code)} /> {p.code} {p.name}
                </label>
              ))
            : null}
          {powers.state === 'ready' && powers.data.length === 0 ? <p>{t('district.noPowers')}</p> : null}
        </fieldset>
        <fieldset className={errorOf('dstreet-0') ? 'field field-error' : 'field'}>
          <legend>{t('district.f.delegateStreets')}</legend>
          {errorOf('dstreet-0') ? <span className="error-message">{errorOf('dstreet-0')}</span> : null}
          {STREETS.map((s, i) => (
            <label key={s.id} className="choice">
              <input type="checkbox" id={`dstreet-${i}`} checked={values.streets.includes(s.id)} onChange={() => toggle('streets', s.id)} /> {nameOf(s.id, locale)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={sending}>
          {sending ? t('district.sending') : t('district.delegate')}
        </button>
      </form>
    </section>
  );
}

/**
 * The district's delegations with their dates: in force from when, revoked from when; one being
 * written shows its progress (grants written of all), polled until it is in force. What a street
 * holds on a day is the public powers page, linked from each street.
 */
export function Delegations() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  const may = session?.roles.includes('district-admin') ?? false;
  const loaded = useLoad(() => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : delegations(cursor)), [cursor, version, session?.sub], {
    keep: true,
  });
  const granting = loaded.state === 'ready' && loaded.data.items.some((d) => d.status === 'granting');
  useEffect(() => {
    if (!granting) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [granting, version]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('district.delegationsTitle')} lead={t('district.delegationsLead')}>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {loaded.data.items.length === 0 ? (
        <p>{t('district.noDelegations')}</p>
      ) : (
        <ul className="cards">
          {loaded.data.items.map((d) => (
            <li key={d.id} className="card">
              <h2>{d.decisionRef}</h2>
              <p>
                {t(`district.dstatus.${d.status}` as MessageKey)} ·{' '}
                {d.status === 'revoked' && d.revokedFrom
                  ? t('district.revokedLine', { from: format.day(d.effectiveOn), to: format.day(d.revokedFrom), reason: d.revocationReason ?? '' })
                  : t('district.effectiveLine', { from: format.day(d.effectiveOn) })}
              </p>
              {d.status === 'granting' ? (
                <p aria-live="polite">
                  <progress max={d.grants.items} value={d.grants.written} aria-label={t('district.progress', { written: d.grants.written, items: d.grants.items })} />{' '}
                  {t('district.progress', { written: d.grants.written, items: d.grants.items })}
                </p>
              ) : null}
              <p>{t('district.codesLine', { codes: d.codes.join('、') })}</p>
              <p>
                {t('district.streetsLine')}{' '}
                {d.streets.map((s, i) => (
                  <span key={s}>
                    {i ? '、' : ''}
                    <Link href={`/powers?street=${encodeURIComponent(s)}&on=${districtToday()}`}>{nameOf(s, locale)}</Link>
                  </span>
                ))}
              </p>
              {d.status === 'in-force' ? (
                <RevokeForm
                  delegation={d}
                  onRevoked={(r) => {
                    setNotice(t('district.revoke.done', { ref: r.decisionRef, from: format.day(r.revokedFrom ?? r.effectiveOn) }));
                    setVersion((v) => v + 1);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} hrefFor={(c) => (c ? `/district/delegations?cursor=${encodeURIComponent(c)}` : '/district/delegations')} paged={Boolean(cursor)} />
      <DelegateForm
        onAccepted={(d) => {
          setNotice(t('district.accepted', { ref: d.decisionRef }));
          setVersion((v) => v + 1);
        }}
      />
    </Page>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

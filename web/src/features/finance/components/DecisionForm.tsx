import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useLoad } from '../../../lib/load.ts';
import { decide, streetPools, type DecisionAnswer, type FundingRequest } from '../api/finance.ts';
import { fenOf, useMoney } from './money.ts';

type Name = 'choice' | 'pool' | 'amount' | 'reason';
interface Values {
  choice: '' | 'approve' | 'decline';
  pool: string;
  amount: string;
  reason: string;
}

/**
 * Finance's answer to one open request: approve from a pool of the request's street (all of what was
 * asked, or less), or decline with a reason. Checked as the route checks it before sending; the
 * server's refusal (a pool too small, a decision someone made first) is shown at its field.
 */
export function DecisionForm({ request, year, onDecided }: { request: FundingRequest; year: number; onDecided: (answer: DecisionAnswer) => void }) {
  const t = useT();
  const money = useMoney();
  const pools = useLoad(() => streetPools(request.street, year), [request.street, year]);
  const [values, setValues] = useState<Values>({ choice: '', pool: '', amount: (request.amountFen / 100).toFixed(2), reason: '' });
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const id = (name: Name) => `${name}-${request.id}`;
  const say = (name: Name, message: string): FieldProblem & { name: Name } => ({ field: id(name), name, message });
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const set = (name: Name) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });

  const check = (): Array<FieldProblem & { name: Name }> => {
    const wrong: Array<FieldProblem & { name: Name }> = [];
    if (!values.choice) wrong.push(say('choice', t('finance.v.choice')));
    if (values.choice === 'approve') {
      if (!values.pool) wrong.push(say('pool', t('finance.v.pool')));
      const fen = fenOf(values.amount);
      if (fen === undefined || fen <= 0 || fen > request.amountFen) wrong.push(say('amount', t('finance.v.amount', { asked: money(request.amountFen) })));
    }
    if (values.choice === 'decline') {
      const reason = values.reason.trim();
      if (reason.length < 1 || reason.length > 2000) wrong.push(say('reason', t('finance.v.reason')));
    }
    return wrong;
  };

  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      const fen = fenOf(values.amount)!;
      const answer = await decide(
        request.id,
        values.choice === 'approve'
          ? { decision: 'approve', poolId: values.pool, ...(fen !== request.amountFen ? { amountFen: fen } : {}) }
          : { decision: 'decline', reason: values.reason.trim() },
      );
      setProblems([]);
      onDecided(answer);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409 || failure.status === 422 || failure.status === 400 || failure.status === 403) {
        const field = failure.problem?.errors?.[0]?.field.split('.').pop();
        const name: Name = field === 'amountFen' ? 'amount' : field === 'reason' ? 'reason' : values.choice === 'approve' ? 'pool' : 'choice';
        setProblems([say(name, failure.problem?.detail ?? t('finance.v.refused'))]);
      } else throw failure;
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
    <form onSubmit={submit} noValidate className="decision-form" aria-label={t('finance.decideLabel', { purpose: request.purpose })}>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <fieldset className={errorOf('choice') ? 'field field-error' : 'field'} aria-describedby={errorOf('choice') ? `${id('choice')}-error` : undefined}>
        <legend>{t('finance.choice')}</legend>
        {errorOf('choice') ? (
          <span className="error-message" id={`${id('choice')}-error`}>
            {errorOf('choice')}
          </span>
        ) : null}
        <label className="choice">
          <input type="radio" id={id('choice')} name={id('choice')} value="approve" checked={values.choice === 'approve'} onChange={set('choice')} />{' '}
          {t('finance.approve')}
        </label>
        <label className="choice">
          <input type="radio" name={id('choice')} value="decline" checked={values.choice === 'decline'} onChange={set('choice')} /> {t('finance.decline')}
        </label>
      </fieldset>
      {values.choice === 'approve' ? (
        <>
          <Field id={id('pool')} label={t('finance.pool')} hint={t('finance.poolHint')} {...opt(errorOf('pool'))}>
            {(aria) => (
              <select {...aria} value={values.pool} onChange={set('pool')}>
                <option value="">{pools.state === 'loading' ? t('loading') : t('finance.poolChoose')}</option>
                {pools.state === 'ready'
                  ? pools.data.map((pool) => (
                      <option key={pool.id} value={pool.id} disabled={pool.remainingFen <= 0}>
                        {t('finance.poolOption', { name: pool.name, remaining: money(pool.remainingFen) })}
                      </option>
                    ))
                  : null}
              </select>
            )}
          </Field>
          {pools.state === 'ready' && pools.data.length === 0 ? <p className="hint">{t('finance.noPools')}</p> : null}
          <Field id={id('amount')} label={t('finance.amount')} hint={t('finance.amountHint', { asked: money(request.amountFen) })} {...opt(errorOf('amount'))}>
            {(aria) => <input {...aria} inputMode="decimal" value={values.amount} onChange={set('amount')} />}
          </Field>
        </>
      ) : null}
      {values.choice === 'decline' ? (
        <Field id={id('reason')} label={t('finance.reason')} hint={t('finance.reasonHint')} {...opt(errorOf('reason'))}>
          {(aria) => <textarea {...aria} rows={3} value={values.reason} onChange={set('reason')} />}
        </Field>
      ) : null}
      <button type="submit" disabled={sending}>
        {sending ? t('finance.sending') : t('finance.send')}
      </button>
    </form>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

import { useState, type FormEvent } from 'react';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { districtToday } from '../../../lib/places.ts';
import { fenOf } from '../../finance/components/money.ts';
import { planRemediation, type Remediation } from '../api/premises.ts';

type Name = 'plan' | 'dueBy' | 'amount' | 'purpose';

/**
 * A plan to bring a failing community up to the standard, due after today; with an amount (typed in
 * yuan, sent in fen) it asks funding for the money, and a purpose may go with it. Checked as the
 * route checks it; the server's refusal (the community meets the standard now) said beside the plan.
 */
export function RemediationForm({ community, name, onPlanned }: { community: string; name: string; onPlanned: (plan: Remediation) => void }) {
  const t = useT();
  const base = `remedy-${community.replaceAll('/', '-')}`;
  const [values, setValues] = useState({ plan: '', dueBy: '', amount: '', purpose: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const idOf = (n: Name) => `${base}-${n}`;
  const say = (n: Name, message: string): FieldProblem => ({ field: idOf(n), message });
  const error = (n: Name) => {
    const message = problems.find((p) => p.field === idOf(n))?.message;
    return message ? { error: message } : {};
  };
  const set = (n: Name, value: string) => setValues({ ...values, [n]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    const plan = values.plan.trim();
    if (plan.length < 1 || plan.length > 4000) wrong.push(say('plan', t('street.premises.v.plan')));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueBy) || values.dueBy <= districtToday()) wrong.push(say('dueBy', t('street.premises.v.dueBy')));
    const amountFen = values.amount.trim() ? fenOf(values.amount) : undefined;
    if (values.amount.trim() && !amountFen) wrong.push(say('amount', t('street.premises.v.amount')));
    const purpose = values.purpose.trim();
    if (purpose && !values.amount.trim()) wrong.push(say('purpose', t('street.premises.v.purposeAlone')));
    if (purpose.length > 500) wrong.push(say('purpose', t('street.premises.v.purpose')));
    setProblems(wrong);
    if (wrong.length > 0) return;
    setSending(true);
    try {
      const planned = await planRemediation(community, { plan, dueBy: values.dueBy, ...(amountFen ? { amountFen } : {}), ...(purpose ? { purpose } : {}) }, key);
      setValues({ plan: '', dueBy: '', amount: '', purpose: '' });
      setKey(idempotencyKey());
      onPlanned(planned);
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure : new ApiError('network');
      if (problem.status === 'network') setProblems([say('plan', t('street.premises.network'))]);
      else if (problem.status === 400 && problem.problem?.errors?.length) {
        const names: Record<string, Name> = { 'body.plan': 'plan', 'body.dueBy': 'dueBy', 'body.amountFen': 'amount', 'body.purpose': 'purpose' };
        setProblems(problem.problem.errors.map((issue) => say(names[issue.field] ?? 'plan', issue.message)));
      } else if (problem.status === 409) setProblems([say('plan', t('street.premises.conflict', { detail: problem.problem?.detail ?? '' }))]);
      else if (problem.status === 403) setProblems([say('plan', t('street.premises.forbidden'))]);
      else setProblems([say('plan', problem.problem?.detail ?? problem.message)]);
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="rate" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={problems} />
      <h4>{t('street.premises.planTitle', { community: name })}</h4>
      <Field id={idOf('plan')} label={t('street.premises.plan')} hint={t('street.premises.planHint')} {...error('plan')}>
        {(aria) => <textarea {...aria} rows={3} value={values.plan} onChange={(e) => set('plan', e.target.value)} />}
      </Field>
      <Field id={idOf('dueBy')} label={t('street.premises.dueBy')} hint={t('street.premises.dueByHint')} {...error('dueBy')}>
        {(aria) => <input {...aria} type="date" value={values.dueBy} onChange={(e) => set('dueBy', e.target.value)} />}
      </Field>
      <Field id={idOf('amount')} label={t('street.premises.amount')} hint={t('street.premises.amountHint')} {...error('amount')}>
        {(aria) => <input {...aria} type="text" inputMode="decimal" autoComplete="off" value={values.amount} onChange={(e) => set('amount', e.target.value)} />}
      </Field>
      <Field id={idOf('purpose')} label={t('street.premises.purpose')} hint={t('street.premises.purposeHint')} {...error('purpose')}>
        {(aria) => <input {...aria} type="text" autoComplete="off" value={values.purpose} onChange={(e) => set('purpose', e.target.value)} />}
      </Field>
      <button type="submit" disabled={sending}>
        {t('street.premises.submitPlan', { community: name })}
      </button>
    </form>
  );
}

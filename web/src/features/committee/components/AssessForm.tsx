import { useState, type FormEvent } from 'react';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { DEPARTMENTS, departmentName } from '../../department/names.ts';
import { assess, type Assessment } from '../api/assessments.ts';

/** As the route checks them (services/authority/assessments/routes.ts, contracts/authority.ts). */
const STAFF_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const PERIOD = /^\d{4}(-H[12]|-Q[1-4])?$/;

type Name = 'staffId' | 'department' | 'period' | 'score' | 'comment';

/**
 * The street committee's side of a stationed member's double assessment: a score of 0–100 and a
 * comment. For a member the department has assessed, who, which department and which period are
 * fixed; otherwise the committee names them. Checked as the route checks it; the server's refusal
 * (assessed already, not a party) beside the field it concerns.
 */
export function AssessForm({ fixed, onAssessed }: { fixed?: Pick<Assessment, 'staffId' | 'department' | 'period'>; onAssessed: (assessment: Assessment) => void }) {
  const t = useT();
  const base = fixed ? `assess-${fixed.staffId}-${fixed.period}` : 'assess-new';
  const [values, setValues] = useState({ staffId: fixed?.staffId ?? '', department: fixed?.department ?? '', period: fixed?.period ?? '', score: '', comment: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const idOf = (name: Name) => `${base}-${name}`;
  const say = (name: Name, message: string): FieldProblem => ({ field: idOf(name), message });
  const errorOf = (name: Name) => problems.find((p) => p.field === idOf(name))?.message;
  const set = (name: Name, value: string) => setValues({ ...values, [name]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    if (!STAFF_ID.test(values.staffId.trim())) wrong.push(say('staffId', t('committee.v.staffId')));
    if (!values.department) wrong.push(say('department', t('committee.v.department')));
    if (!PERIOD.test(values.period.trim())) wrong.push(say('period', t('committee.v.period')));
    const score = Number(values.score);
    if (!/^\d{1,3}$/.test(values.score.trim()) || score > 100) wrong.push(say('score', t('committee.v.score')));
    const comment = values.comment.trim();
    if (comment.length < 1 || comment.length > 4000) wrong.push(say('comment', t('committee.v.comment')));
    setProblems(wrong);
    if (wrong.length > 0) return;
    setSending(true);
    try {
      const done = await assess({ staffId: values.staffId.trim(), department: values.department, period: values.period.trim(), score, comment }, key);
      setKey(idempotencyKey());
      setValues({ ...values, ...(fixed ? {} : { staffId: '', period: '' }), score: '', comment: '' });
      onAssessed(done);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setProblems([say('comment', t('committee.assess.network'))]);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        const names: Name[] = ['staffId', 'department', 'period', 'score', 'comment'];
        setProblems(failure.problem.errors.map((issue) => say(names.find((n) => issue.field === `body.${n}`) ?? 'comment', issue.message)));
      } else if (failure.status === 409) setProblems([say(fixed ? 'score' : 'staffId', t('committee.assess.conflict', { detail: failure.problem?.detail ?? '' }))]);
      else if (failure.status === 403) setProblems([say(fixed ? 'score' : 'staffId', t('committee.assess.forbidden'))]);
      else setProblems([say('comment', failure.problem?.detail ?? failure.message)]);
    } finally {
      setSending(false);
    }
  };

  const error = (name: Name) => {
    const message = errorOf(name);
    return message ? { error: message } : {};
  };
  return (
    <form className="rate" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={problems} />
      {fixed ? null : (
        <>
          <Field id={idOf('staffId')} label={t('committee.assess.staffId')} hint={t('committee.assess.staffIdHint')} {...error('staffId')}>
            {(aria) => <input {...aria} type="text" autoComplete="off" maxLength={64} value={values.staffId} onChange={(e) => set('staffId', e.target.value)} />}
          </Field>
          <Field id={idOf('department')} label={t('committee.assess.department')} {...error('department')}>
            {(aria) => (
              <select {...aria} value={values.department} onChange={(e) => set('department', e.target.value)}>
                <option value="">{t('committee.assess.chooseDepartment')}</option>
                {DEPARTMENTS.map((d) => (
                  <option key={d} value={d}>
                    {departmentName(t, d)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={idOf('period')} label={t('committee.assess.period')} hint={t('committee.assess.periodHint')} {...error('period')}>
            {(aria) => <input {...aria} type="text" autoComplete="off" maxLength={7} className="short" value={values.period} onChange={(e) => set('period', e.target.value)} />}
          </Field>
        </>
      )}
      <Field id={idOf('score')} label={fixed ? t('committee.assess.scoreFor', { staff: fixed.staffId, period: fixed.period }) : t('committee.assess.score')} hint={t('committee.assess.scoreHint')} {...error('score')}>
        {(aria) => <input {...aria} type="text" inputMode="numeric" autoComplete="off" maxLength={3} className="short" value={values.score} onChange={(e) => set('score', e.target.value)} />}
      </Field>
      <Field id={idOf('comment')} label={t('committee.assess.comment')} hint={t('committee.assess.commentHint')} {...error('comment')}>
        {(aria) => <textarea {...aria} rows={3} value={values.comment} onChange={(e) => set('comment', e.target.value)} />}
      </Field>
      <button type="submit" disabled={sending}>
        {fixed ? t('committee.assess.submitFor', { staff: fixed.staffId }) : t('committee.assess.submit')}
      </button>
    </form>
  );
}

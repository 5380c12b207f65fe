import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { departmentName } from '../../department/names.ts';
import { rateIssue, type Issue } from '../api/issues.ts';

const SCORES = [5, 4, 3, 2, 1] as const;

/** The street rates one department's handling of a resolved issue, 1 to 5, once. */
export function RateForm({ issue, department, onRated }: { issue: Issue; department: string; onRated: (issue: Issue) => void }) {
  const t = useT();
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const base = `rate-${issue.id}-${department}`;
  const name = departmentName(t, department);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!score) {
      setProblem(t('street.rate.v.score'));
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      onRated(await rateIssue(issue.id, { department, score, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      setProblem(
        failure.status === 'network'
          ? t('street.rate.network')
          : failure.status === 409
            ? t('street.rate.conflict')
            : failure.status === 403
              ? t('street.rate.forbidden')
              : (failure.problem?.detail ?? failure.message),
      );
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="rate" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className={problem ? 'field field-error' : 'field'} {...(problem ? { 'aria-describedby': `${base}-error` } : {})}>
        <legend>{t('street.rate.legend', { department: name })}</legend>
        {problem ? (
          <span className="error-message" id={`${base}-error`} role="alert">
            {problem}
          </span>
        ) : null}
        <div className="scores">
          {SCORES.map((n) => (
            <div className="field checkbox" key={n}>
              <input type="radio" id={`${base}-${n}`} name={base} value={n} checked={score === n} onChange={() => setScore(n)} />
              <label htmlFor={`${base}-${n}`}>{t('street.rate.score', { score: n })}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-comment`}>{t('street.rate.comment', { department: name })}</label>
        <input id={`${base}-comment`} value={comment} maxLength={1_000} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button type="submit" disabled={sending}>
        {t('street.rate.submit', { department: name })}
      </button>
    </form>
  );
}

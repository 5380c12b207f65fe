import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldProblem } from '../../../components/Form.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { decide, type ConsentCase, type Decision } from '../api/consents.ts';

/** The committee's written decision on a case: consent or refusal, with the written opinion (required). */
export function DecisionForm({ item, onDecided }: { item: ConsentCase; onDecided: (decided: ConsentCase) => void }) {
  const t = useT();
  const [decision, setDecision] = useState<Decision>();
  const [opinion, setOpinion] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const base = `decide-${item.id}`;
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    if (!decision) wrong.push({ field: `${base}-granted`, message: t('committee.v.decision') });
    const text = opinion.trim();
    if (text.length < 1 || text.length > 10_000) wrong.push({ field: `${base}-opinion`, message: t('committee.v.opinion') });
    setProblems(wrong);
    if (wrong.length > 0 || !decision) return;
    setSending(true);
    try {
      onDecided(await decide(item.id, decision, text));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      const message =
        failure.status === 'network'
          ? t('committee.decide.network')
          : failure.status === 409
            ? t('committee.decide.conflict')
            : failure.status === 403
              ? t('committee.decide.forbidden')
              : (failure.problem?.detail ?? failure.message);
      setProblems([{ field: `${base}-opinion`, message }]);
    } finally {
      setSending(false);
    }
  };
  const decisionError = errorOf(`${base}-granted`);
  const opinionError = errorOf(`${base}-opinion`);
  return (
    <form className="rate" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={problems} />
      <fieldset className={decisionError ? 'field field-error' : 'field'} {...(decisionError ? { 'aria-describedby': `${base}-decision-error` } : {})}>
        <legend>{t('committee.decide.legend', { nominee: item.nominee.name })}</legend>
        {decisionError ? (
          <span className="error-message" id={`${base}-decision-error`}>
            {decisionError}
          </span>
        ) : null}
        {(['granted', 'refused'] as const).map((value) => (
          <div className="field checkbox" key={value}>
            <input type="radio" id={`${base}-${value}`} name={base} checked={decision === value} onChange={() => setDecision(value)} />
            <label htmlFor={`${base}-${value}`}>{t(`committee.decision.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className={opinionError ? 'field field-error' : 'field'}>
        <label htmlFor={`${base}-opinion`}>{t('committee.decide.opinion')}</label>
        <span className="hint" id={`${base}-opinion-hint`}>
          {t('committee.decide.opinionHint')}
        </span>
        {opinionError ? (
          <span className="error-message" id={`${base}-opinion-error`}>
            {opinionError}
          </span>
        ) : null}
        <textarea
          id={`${base}-opinion`}
          rows={4}
          value={opinion}
          aria-describedby={opinionError ? `${base}-opinion-hint ${base}-opinion-error` : `${base}-opinion-hint`}
          {...(opinionError ? { 'aria-invalid': true } : {})}
          onChange={(e) => setOpinion(e.target.value)}
        />
      </div>
      <button type="submit" disabled={sending}>
        {t('committee.decide.submit', { nominee: item.nominee.name })}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useSearch } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field } from '../../../components/Form.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { WorkingDeadline } from '../../committee/components/WorkingDays.tsx';
import { evaluations, finalizeEvaluation, type Evaluation } from '../api/evaluations.ts';
import { EvaluationForm } from '../components/EvaluationForm.tsx';
import { departmentName } from '../names.ts';

/** Make an evaluation final with its conclusion: offered only once every street has given its opinion. */
function FinalizeForm({ evaluation, onFinal }: { evaluation: Evaluation; onFinal: (e: Evaluation) => void }) {
  const t = useT();
  const [conclusion, setConclusion] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const id = `conclusion-${evaluation.id}`;
  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      onFinal(await finalizeEvaluation(evaluation.id, conclusion.trim(), key));
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure : new ApiError('network');
      if (problem.status === 'network') setOffline(true);
      else if (problem.status === 409) setError(t('department.evaluations.finalConflict'));
      else if (problem.status === 400) setError(t('department.evaluations.v.conclusion'));
      else setError(problem.problem?.detail ?? t('department.evaluate.refused'));
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const length = conclusion.trim().length;
    if (length < 1 || length > 10_000) setError(t('department.evaluations.v.conclusion'));
    else {
      setError(undefined);
      void send();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={error ? [{ field: id, message: error }] : []} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <Field id={id} label={t('department.evaluations.conclusion', { title: evaluation.title })} {...(error ? { error } : {})}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            value={conclusion}
            onChange={(e) => {
              setConclusion(e.target.value);
              setKey(idempotencyKey());
            }}
          />
        )}
      </Field>
      <button type="submit" disabled={sending}>
        {sending ? t('department.evaluate.sending') : t('department.evaluations.finalize', { title: evaluation.title })}
      </button>
    </form>
  );
}

function EvaluationCard({ item, onChanged }: { item: Evaluation; onChanged: (e: Evaluation) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const waiting = item.opinions.filter((o) => o.status === 'waiting').length;
  const headingId = `evaluation-${item.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('department.evaluations.heading', { title: item.title, period: item.period })}</h3>
      <p>
        <span className={`tag tag-evaluation-${item.status}`}>{t(`department.evaluations.status.${item.status}` as MessageKey)}</span>{' '}
        {item.status === 'awaiting-opinions' ? t('department.evaluations.waitingCount', { waiting, count: item.opinions.length }) : null}
      </p>
      <p className="hint">{t('department.evaluations.requested', { at: format.dateTime(item.requestedAt) })}</p>
      <ul className="opinions">
        {item.opinions.map((o) => (
          <li key={o.street}>
            <h4>{t('department.evaluations.street', { street: nameOf(o.street, locale), units: format.list(o.units) })}</h4>
            {o.opinion ? (
              <>
                <p>
                  {t('department.evaluations.given', {
                    rating: t(`committee.rating.${o.opinion.rating}` as MessageKey),
                    at: format.dateTime(o.opinion.givenAt),
                    late: o.opinion.late ? 'late' : 'on-time',
                  })}
                </p>
                <blockquote>{o.opinion.text}</blockquote>
              </>
            ) : (
              <WorkingDeadline dueBy={o.dueBy} label={t('department.evaluations.due')} />
            )}
          </li>
        ))}
      </ul>
      {item.status === 'final' ? (
        <dl className="facts">
          <dt>{t('department.evaluations.conclusionLabel')}</dt>
          <dd>{item.conclusion}</dd>
          {item.finalizedAt ? (
            <>
              <dt>{t('department.evaluations.finalizedAt')}</dt>
              <dd>
                <time dateTime={item.finalizedAt}>{format.dateTime(item.finalizedAt)}</time>
              </dd>
            </>
          ) : null}
        </dl>
      ) : waiting === 0 ? (
        <FinalizeForm evaluation={item} onFinal={onChanged} />
      ) : (
        <p>{t('department.evaluations.waitFirst')}</p>
      )}
    </li>
  );
}

/**
 * A department's evaluations of its units in the streets: the opinions each waits for (10 working
 * days, counted down, overdue in words), those given, and the final result once every street answered.
 */
export function DepartmentEvaluations() {
  const t = useT();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const department = session?.roles.includes('department') ? session.department : undefined;
  const [notice, setNotice] = useState<string>();
  const [version, setVersion] = useState(0);
  const loaded = useLoad(() => (department ? evaluations(cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [cursor, department, version], { keep: true });
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const changed = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };
  return (
    <Page title={t('department.evaluations.title', { department: department ? departmentName(t, department) : '' })} lead={t('department.evaluations.intro')}>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <section aria-labelledby="evaluations-list-title">
        <h2 id="evaluations-list-title">{t('department.evaluations.listTitle')}</h2>
        {loaded.state === 'loading' ? (
          <Loading />
        ) : (
          <>
            {loaded.data.items.length === 0 ? <p>{t('department.evaluations.empty')}</p> : null}
            <ul className="cards">
              {loaded.data.items.map((item) => (
                <EvaluationCard key={item.id} item={item} onChanged={(e) => changed(t('department.evaluations.finalNotice', { title: e.title }))} />
              ))}
            </ul>
            <Pager
              {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})}
              paged={Boolean(cursor)}
              hrefFor={(next) => (next ? `/department/evaluations?cursor=${encodeURIComponent(next)}` : '/department/evaluations')}
            />
          </>
        )}
      </section>
      <EvaluationForm onRequested={(e) => changed(t('department.evaluate.done', { title: e.title, count: e.opinions.length }))} />
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { ErrorSummary, type FieldProblem } from '../../../components/Form.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { allOf, ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { departmentName } from '../../department/names.ts';
import { giveOpinion, opinionRequests, type OpinionRequest, type OpinionStatus, type Rating } from '../api/opinions.ts';
import { WorkingDeadline } from '../components/WorkingDays.tsx';

const RATINGS = allOf<Rating>()(['excellent', 'good', 'fair', 'poor']);
const STATUSES: readonly OpinionStatus[] = ['waiting', 'given'];
const href = (status: OpinionStatus, cursor?: string) => `/committee/opinions?${new URLSearchParams({ status, ...(cursor ? { cursor } : {}) }).toString()}`;

/** The street's written opinion on an evaluation: a rating and the text, both required. */
function OpinionForm({ item, onGiven }: { item: OpinionRequest; onGiven: (given: OpinionRequest) => void }) {
  const t = useT();
  const [rating, setRating] = useState<Rating>();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [key] = useState(idempotencyKey);
  const base = `opinion-${item.evaluationId}`;
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    if (!rating) wrong.push({ field: `${base}-excellent`, message: t('committee.v.rating') });
    if (text.trim().length < 1 || text.trim().length > 4_000) wrong.push({ field: `${base}-text`, message: t('committee.v.opinionText') });
    setProblems(wrong);
    if (wrong.length || !rating) return;
    setSending(true);
    try {
      onGiven(await giveOpinion(item.evaluationId, rating, text.trim(), key));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      const message =
        failure.status === 'network'
          ? t('committee.decide.network')
          : failure.status === 409
            ? t('committee.opinion.conflict')
            : failure.status === 403
              ? t('committee.opinion.forbidden')
              : (failure.problem?.detail ?? failure.message);
      setProblems([{ field: `${base}-text`, message }]);
    } finally {
      setSending(false);
    }
  };
  const ratingError = errorOf(`${base}-excellent`);
  const textError = errorOf(`${base}-text`);
  return (
    <form className="rate" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={problems} />
      <fieldset className={ratingError ? 'field field-error' : 'field'} {...(ratingError ? { 'aria-describedby': `${base}-rating-error` } : {})}>
        <legend>{t('committee.opinion.rating', { title: item.title })}</legend>
        {ratingError ? (
          <span className="error-message" id={`${base}-rating-error`}>
            {ratingError}
          </span>
        ) : null}
        <div className="scores">
          {RATINGS.map((value) => (
            <div className="field checkbox" key={value}>
              <input type="radio" id={`${base}-${value}`} name={base} checked={rating === value} onChange={() => setRating(value)} />
              <label htmlFor={`${base}-${value}`}>{t(`committee.rating.${value}` as MessageKey)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className={textError ? 'field field-error' : 'field'}>
        <label htmlFor={`${base}-text`}>{t('committee.opinion.text')}</label>
        {textError ? (
          <span className="error-message" id={`${base}-text-error`}>
            {textError}
          </span>
        ) : null}
        <textarea
          id={`${base}-text`}
          rows={4}
          value={text}
          {...(textError ? { 'aria-describedby': `${base}-text-error`, 'aria-invalid': true } : {})}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" disabled={sending}>
        {t('committee.opinion.submit', { title: item.title })}
      </button>
    </form>
  );
}

/**
 * The street party committee's opinion requests: departments' evaluations of their units in the
 * street, each waiting for the street's written opinion within 10 working days.
 */
export function CommitteeOpinions() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as OpinionStatus) : 'waiting';
  const cursor = params.get('cursor') ?? undefined;
  const [chosen, setChosen] = useState(status);
  const [given, setGiven] = useState<Record<string, OpinionRequest>>({});
  const committee = session?.roles.includes('street-committee') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const loaded = useLoad(() => (committee ? opinionRequests(status, cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [status, cursor, session?.sub]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('committee.opinions.title', { street: nameOf(street, locale) })} lead={t('committee.opinions.intro')}>
      <form
        className="filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          navigate(href(chosen));
        }}
      >
        <div className="field">
          <label htmlFor="status">{t('committee.consents.status')}</label>
          <select id="status" value={chosen} onChange={(e) => setChosen(e.target.value as OpinionStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`committee.opinions.filter.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('committee.consents.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <p role="status">{loaded.data.items.length === 0 ? t(`committee.opinions.empty.${status}` as MessageKey) : t(status === 'waiting' ? 'committee.consents.order' : 'committee.consents.orderDecided')}</p>
          <ul className="cards">
            {loaded.data.items.map((listed) => {
              const item = given[listed.evaluationId] ?? listed;
              return (
                <li key={item.evaluationId} className="card">
                  <h3>{t('committee.opinions.heading', { title: item.title, period: item.period })}</h3>
                  <p>
                    <span className={`tag tag-opinion-${item.status}`}>{t(`committee.opinions.filter.${item.status}` as MessageKey)}</span>
                  </p>
                  {item.status === 'waiting' ? <WorkingDeadline dueBy={item.dueBy} label={t('committee.case.due')} /> : null}
                  <dl className="facts">
                    <dt>{t('committee.case.department')}</dt>
                    <dd>{departmentName(t, item.department)}</dd>
                    <dt>{t('committee.opinions.units')}</dt>
                    <dd>{format.list(item.units)}</dd>
                    <dt>{t('committee.opinions.requested')}</dt>
                    <dd>
                      <time dateTime={item.requestedAt}>{format.dateTime(item.requestedAt)}</time>
                    </dd>
                    {item.opinion ? (
                      <>
                        <dt>{t('committee.opinions.given')}</dt>
                        <dd>
                          {t('committee.opinions.givenText', {
                            rating: t(`committee.rating.${item.opinion.rating}` as MessageKey),
                            at: format.dateTime(item.opinion.givenAt),
                            late: item.opinion.late ? 'late' : 'on-time',
                          })}
                          <span className="hint">{item.opinion.text}</span>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {item.status === 'waiting' ? <OpinionForm item={item} onGiven={(next) => setGiven({ ...given, [next.evaluationId]: next })} /> : null}
                </li>
              );
            })}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(status, next)} />
        </>
      )}
    </Page>
  );
}

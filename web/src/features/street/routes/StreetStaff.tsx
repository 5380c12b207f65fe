import { useState } from 'react';
import { useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { recall, roster, secondments, staffing, type Secondment } from '../api/staff.ts';
import { ApproveForm } from '../components/ApproveForm.tsx';

type Outcome = { kind: 'recalled' | 'approved' | 'approved-still-flagged'; item: Secondment };

/**
 * A flagged secondment, why it is flagged, and what the street office may do: record the approval it
 * lacked (only while none is on record) and recall the member.
 */
function FlaggedSecondment({ item, onChanged }: { item: Secondment; onChanged: (outcome: Outcome) => void }) {
  const t = useT();
  const format = useFormat();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const act = async () => {
    setSending(true);
    setProblem(undefined);
    try {
      onChanged({ kind: 'recalled', item: await recall(item.id) });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      setProblem(failure.status === 'network' ? t('street.staff.network') : failure.status === 409 ? t('street.staff.conflict') : (failure.problem?.detail ?? failure.message));
    } finally {
      setSending(false);
    }
  };
  return (
    <li className="card">
      <h3>{t('street.staff.secondmentHeading', { name: item.staffName, unit: item.toUnit })}</h3>
      <p>
        <span className={`tag tag-secondment-${item.status}`}>{t(`street.staff.status.${item.status}` as MessageKey)}</span>
      </p>
      <dl className="facts">
        <dt>{t('street.staff.period')}</dt>
        <dd>{t('street.staff.periodText', { from: format.day(item.startsOn), to: format.day(item.endsOn) })}</dd>
        <dt>{t('street.staff.approval')}</dt>
        <dd>{item.approvalRef ?? t('street.staff.noApproval')}</dd>
        {item.flagReasons?.length ? (
          <>
            <dt>{t('street.staff.why')}</dt>
            <dd>{format.list(item.flagReasons.map((r) => t(`street.staff.reason.${r}` as MessageKey)))}</dd>
          </>
        ) : null}
        {item.endedOn ? (
          <>
            <dt>{t('street.staff.ended')}</dt>
            <dd>{format.day(item.endedOn)}</dd>
          </>
        ) : null}
      </dl>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {item.status !== 'ended' && !item.approvalRef ? (
        <ApproveForm item={item} onApproved={(approved) => onChanged({ kind: approved.status === 'active' ? 'approved' : 'approved-still-flagged', item: approved })} />
      ) : null}
      {item.status !== 'ended' ? (
        <button type="button" className="warning" disabled={sending} onClick={() => void act()}>
          {t('street.staff.recall', { name: item.staffName })}
        </button>
      ) : null}
    </li>
  );
}

/**
 * The street's people: its staffing figures, the secondments flagged (no approval on record, or
 * past their end) with a recall, and the roster, newest hire first.
 */
export function StreetStaff() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const search = new URLSearchParams(useSearch());
  const cursor = search.get('cursor') ?? undefined;
  const flaggedCursor = search.get('flagged') ?? undefined;
  const official = session?.roles.includes('street-official') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const [changed, setChanged] = useState<Record<string, Secondment>>({});
  const [last, setLast] = useState<Outcome>();
  const loaded = useLoad(async () => {
    if (!official) throw new ApiError(session ? 403 : 401);
    const [figures, flagged, members] = await Promise.all([staffing(street), secondments(street, 'flagged', flaggedCursor), roster(street, cursor)]);
    return { figures, flagged, members };
  }, [street, official, cursor, flaggedCursor]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const { figures, flagged, members } = loaded.data;
  const percent = (value: number | null) => (value === null ? t('street.scorecard.none') : t('street.scorecard.percent', { value: format.number(Math.round(value * 1000) / 10) }));
  const hrefOf = (page: { flagged?: string | undefined; cursor?: string | undefined }) => {
    const query = new URLSearchParams(Object.entries(page).filter((e): e is [string, string] => Boolean(e[1]))).toString();
    return query ? `/street/staff?${query}` : '/street/staff';
  };
  const outcomeText = (o: Outcome) =>
    o.kind === 'recalled'
      ? t('street.staff.recalled', { name: o.item.staffName })
      : o.kind === 'approved'
        ? t('street.staff.approved', { name: o.item.staffName, ref: o.item.approvalRef ?? '' })
        : t('street.staff.approvedStillFlagged', { name: o.item.staffName, ref: o.item.approvalRef ?? '' });
  return (
    <Page title={t('street.staff.title', { street: nameOf(street, locale) })} lead={t('street.staff.intro')}>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('street.staff.figures')}</h2>
        <dl className="facts">
          <dt>{t('street.staff.posts')}</dt>
          <dd>{t('street.staff.postsText', { quota: figures.publishedQuota, filled: figures.filled, vacancies: figures.vacancies, rate: percent(figures.vacancyRate) })}</dd>
          <dt>{t('street.staff.seconded')}</dt>
          <dd>{t('street.staff.secondedText', { count: figures.onSecondment, rate: percent(figures.secondmentRate) })}</dd>
          <dt>{t('street.staff.flagged')}</dt>
          <dd>{format.number(figures.flaggedSecondments)}</dd>
        </dl>
      </section>
      <section aria-labelledby="flagged-title">
        <h2 id="flagged-title">{t('street.staff.flaggedTitle')}</h2>
        <p>{t('street.staff.flaggedIntro')}</p>
        {last ? (
          <div className="notice" role="status">
            <p>{outcomeText(last)}</p>
          </div>
        ) : null}
        {flagged.items.length === 0 ? <p>{t('street.staff.noneFlagged')}</p> : null}
        <ul className="cards">
          {flagged.items.map((item) => (
            <FlaggedSecondment
              key={item.id}
              item={changed[item.id] ?? item}
              onChanged={(outcome) => {
                setChanged({ ...changed, [outcome.item.id]: outcome.item });
                setLast(outcome);
              }}
            />
          ))}
        </ul>
        <Pager {...(flagged.cursor ? { cursor: flagged.cursor } : {})} paged={Boolean(flaggedCursor)} hrefFor={(next) => hrefOf({ flagged: next })} />
      </section>
      <section aria-labelledby="roster-title">
        <h2 id="roster-title">{t('street.staff.roster')}</h2>
        {members.items.length === 0 ? <p>{t('street.staff.noStaff')}</p> : null}
        <div className="table-scroll">
          <table>
            <caption>{t('street.staff.rosterCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('street.staff.name')}</th>
                <th scope="col">{t('street.staff.position')}</th>
                <th scope="col">{t('street.staff.hired')}</th>
                <th scope="col">{t('street.staff.state')}</th>
              </tr>
            </thead>
            <tbody>
              {members.items.map((member) => (
                <tr key={member.id}>
                  <th scope="row">{member.name}</th>
                  <td>{member.positionTitle}</td>
                  <td>
                    <time dateTime={member.hiredAt}>{format.date(member.hiredAt)}</time>
                  </td>
                  <td>{t(`street.staff.member.${member.status}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager {...(members.cursor ? { cursor: members.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => hrefOf({ flagged: flaggedCursor, cursor: next })} />
      </section>
    </Page>
  );
}

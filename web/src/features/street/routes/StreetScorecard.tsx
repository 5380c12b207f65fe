import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { DIMENSIONS, dimensionScore, scorecard, type Dimension, type Scorecard } from '../api/scorecard.ts';
import { FiveHavesChart } from '../components/FiveHavesChart.tsx';

/** What each dimension's share is made of, in words with its own counts. */
function basis(t: ReturnType<typeof useT>, yuan: (fen: number) => string, card: Scorecard, d: Dimension): string {
  switch (d) {
    case 'staffing':
      return t('street.scorecard.basis.staffing', { hired: card.staffing.hired, posts: card.staffing.posts, vacancies: card.staffing.vacancies, flagged: card.staffing.flaggedSecondments });
    case 'money':
      return t('street.scorecard.basis.money', { allocated: yuan(card.money.allocatedFen), budgeted: yuan(card.money.budgetedFen), disbursed: yuan(card.money.disbursedFen) });
    case 'place':
      return t('street.scorecard.basis.place', { compliant: card.place.communitiesCompliant, assessed: card.place.communitiesAssessed });
    case 'power':
      return t('street.scorecard.basis.power', { inTime: card.power.consentsDecidedInTime, decided: card.power.consentsDecided, powers: card.power.powersHeld, opinions: card.power.opinionsGiven });
    case 'coordination':
      return t('street.scorecard.basis.coordination', {
        onTime: card.coordination.issuesClosedOnTime,
        closed: card.coordination.issuesClosed,
        raised: card.coordination.issuesRaised,
        escalated: card.coordination.issuesEscalated,
        average: card.coordination.averageRating ?? '—',
      });
  }
}

/** The street's five-haves scorecard: a picture of its five dimensions, and each figure explained. */
export function StreetScorecard() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const official = session?.roles.includes('street-official') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const loaded = useLoad(() => (official ? scorecard(street) : Promise.reject(new ApiError(session ? 403 : 401))), [street, official]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const card = loaded.data;
  const percent = (value: number | null) => (value === null ? t('street.scorecard.none') : t('street.scorecard.percent', { value: format.number(Math.round(value * 1000) / 10) }));
  const yuan = (fen: number) => format.number(fen / 100);
  return (
    <Page title={t('street.scorecard.title', { street: nameOf(street, locale) })} lead={t('street.scorecard.intro')}>
      <p className="hint">
        {card.changedAt ? t('street.scorecard.changed', { at: format.dateTime(card.changedAt), events: card.eventsApplied }) : t('street.scorecard.never')}
      </p>
      <FiveHavesChart card={card} percent={percent} />
      <div className="table-scroll">
        <table>
          <caption>{t('street.scorecard.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('street.scorecard.dimension')}</th>
              <th scope="col">{t('street.scorecard.measure')}</th>
              <th scope="col">{t('street.scorecard.value')}</th>
              <th scope="col">{t('street.scorecard.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((d) => (
              <tr key={d}>
                <th scope="row">{t(`street.scorecard.dim.${d}` as MessageKey)}</th>
                <td>{t(`street.scorecard.what.${d}` as MessageKey)}</td>
                <td>{percent(dimensionScore(card, d))}</td>
                <td>{basis(t, yuan, card, d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

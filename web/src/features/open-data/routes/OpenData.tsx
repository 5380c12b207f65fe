import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useT } from '../../../i18n/index.tsx';
import { useLoad } from '../../../lib/load.ts';

interface DatasetEntry {
  service: string;
  name: string;
  title: string;
  description: string;
  rows: number;
  generatedAt: string;
  files: { csv: string; json: string; dictionaryCsv: string; dictionaryJson: string };
}

/** The open-data index (`/open-data/index.json`, served beside the app): every dataset, its date and files. */
async function openDataIndex(): Promise<{ datasets: DatasetEntry[] }> {
  const response = await fetch('/open-data/index.json', { cache: 'no-cache' });
  if (response.status === 404) return { datasets: [] };
  if (!response.ok) throw new Error(`/open-data/index.json answered ${response.status}`);
  return (await response.json()) as { datasets: DatasetEntry[] };
}

/** The open-data index: links to each dataset's CSV and JSON and to its data dictionary. Public. */
export function OpenData() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoad(openDataIndex, []);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('openData.title')} lead={t('openData.intro')}>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.datasets.length === 0 ? (
        <p role="status">{t('openData.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="open-data-caption" tabIndex={0}>
          <table>
            <caption id="open-data-caption">{t('openData.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('openData.dataset')}</th>
                <th scope="col">{t('openData.rows')}</th>
                <th scope="col">{t('openData.generatedAt')}</th>
                <th scope="col">{t('openData.files')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.datasets.map((d) => (
                <tr key={`${d.service}/${d.name}`}>
                  <th scope="row">
                    {d.title}
                    <br />
                    <small>{d.description}</small>
                  </th>
                  <td>{format.number(d.rows)}</td>
                  <td>{format.dateTime(d.generatedAt)}</td>
                  <td>
                    <a href={`/open-data/${d.files.csv}`} aria-label={t('openData.csvOf', { dataset: d.title })}>{t('openData.csv')}</a>
                    {' · '}
                    <a href={`/open-data/${d.files.json}`} aria-label={t('openData.jsonOf', { dataset: d.title })}>{t('openData.json')}</a>
                    {' · '}
                    <a href={`/open-data/${d.files.dictionaryCsv}`} aria-label={t('openData.dictionaryOf', { dataset: d.title })}>
                      {t('openData.dictionary')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/open-data/index.json">{t('openData.indexJson')}</a>
      </p>
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { useLoad } from '../../../lib/load.ts';
import { districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { streetPowers } from '../api/powers.ts';

const href = (street: string, on: string, cursor?: string) =>
  `/powers?${new URLSearchParams({ street, on, ...(cursor ? { cursor } : {}) }).toString()}`;

/** What a street holds on a date: each power, since when, and on what legal basis. Public. */
export function StreetPowers() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const street = params.get('street') ?? STREETS[0]!.id;
  const on = /^\d{4}-\d{2}-\d{2}$/.test(params.get('on') ?? '') ? params.get('on')! : districtToday();
  const cursor = params.get('cursor') ?? undefined;
  const [form, setForm] = useState({ street, on });
  const loaded = useLoad(() => streetPowers(street, on, cursor), [street, on, cursor]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(href(form.street, form.on || districtToday()));
  };
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('powers.title')} lead={t('powers.intro')}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="street">{t('powers.street')}</label>
          <select id="street" value={form.street} onChange={(e) => setForm({ ...form, street: e.target.value })}>
            {STREETS.map((s) => (
              <option key={s.id} value={s.id}>
                {nameOf(s.id, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="on">{t('powers.on')}</label>
          <input id="on" type="date" value={form.on} onChange={(e) => setForm({ ...form, on: e.target.value })} />
        </div>
        <button type="submit">{t('powers.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p role="status">{t('powers.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="powers-caption" tabIndex={0}>
          <table>
            <caption id="powers-caption">{t('powers.caption', { street: nameOf(street, locale), date: format.day(on) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('powers.code')}</th>
                <th scope="col">{t('powers.name')}</th>
                <th scope="col">{t('powers.domain')}</th>
                <th scope="col">{t('powers.legalBasis')}</th>
                <th scope="col">{t('powers.since')}</th>
                <th scope="col">{t('powers.from')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((power) => (
                <tr key={power.code}>
                  <td>{power.code}</td>
                  <td>{power.name ?? ''}</td>
                  <td>{power.domain ? t(`domain.${power.domain}` as MessageKey) : ''}</td>
                  <td>{power.legalBasis ?? ''}</td>
                  <td>{format.day(power.since)}</td>
                  <td>{power.fromDepartment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.state === 'ready' ? (
        <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(street, on, next)} />
      ) : null}
    </Page>
  );
}

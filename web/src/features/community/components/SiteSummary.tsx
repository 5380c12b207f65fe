import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import type { Site } from '../api/sites.ts';

/** A site's record as facts: areas, tenure (and lease), uses. */
export function SiteSummary({ site }: { site: Site }) {
  const t = useT();
  const format = useFormat();
  return (
    <dl className="facts">
      <dt>{t('community.site.area')}</dt>
      <dd>{t('community.site.m2', { value: format.number(site.areaM2) })}</dd>
      <dt>{t('community.site.activityArea')}</dt>
      <dd>{t('community.site.m2', { value: format.number(site.residentActivityAreaM2) })}</dd>
      <dt>{t('community.site.tenure')}</dt>
      <dd>
        {t(`community.tenure.${site.tenure}` as MessageKey)}
        {site.lease
          ? t('community.site.leaseSummary', {
              from: format.day(site.lease.startsOn),
              to: format.day(site.lease.endsOn),
              rent: format.number(site.lease.annualRentFen / 100),
              landlord: site.lease.landlord,
            })
          : null}
      </dd>
      <dt>{t('community.site.uses')}</dt>
      <dd>{format.list(site.uses.map((use) => t(`community.use.${use}` as MessageKey)))}</dd>
    </dl>
  );
}

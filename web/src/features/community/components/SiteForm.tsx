import type { ReactNode } from 'react';
import { Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { allOf } from '../../../lib/api.ts';
import type { Site, SiteRequest, Tenure, Use } from '../api/sites.ts';

export const TENURES = allOf<Tenure>()(['owned', 'allocated', 'rented', 'borrowed']);
export const USES = allOf<Use>()(['office', 'service', 'resident-activity', 'meeting', 'elderly-care', 'childcare', 'health', 'culture', 'other']);

/** What the site form holds, as typed (numbers as text until checked). */
export interface SiteValues {
  address: string;
  areaM2: string;
  residentActivityAreaM2: string;
  tenure: Tenure;
  uses: Use[];
  leaseStartsOn: string;
  leaseEndsOn: string;
  rentYuan: string;
  landlord: string;
}
export type SiteField = keyof SiteValues;
export type SiteProblem = FieldProblem & { name: SiteField };

export const blankSite: SiteValues = {
  address: '',
  areaM2: '',
  residentActivityAreaM2: '',
  tenure: 'owned',
  uses: [],
  leaseStartsOn: '',
  leaseEndsOn: '',
  rentYuan: '',
  landlord: '',
};

export function valuesOf(site: Site): SiteValues {
  return {
    address: site.address,
    areaM2: String(site.areaM2),
    residentActivityAreaM2: String(site.residentActivityAreaM2),
    tenure: site.tenure,
    uses: [...site.uses],
    leaseStartsOn: site.lease?.startsOn ?? '',
    leaseEndsOn: site.lease?.endsOn ?? '',
    rentYuan: site.lease ? (site.lease.annualRentFen / 100).toFixed(2) : '',
    landlord: site.lease?.landlord ?? '',
  };
}

export const fieldId = (name: SiteField) => (name === 'uses' ? `use-${USES[0]}` : `site-${name}`);
const AREA = /^\d{1,7}(\.\d{1,2})?$/;
const YUAN = /^\d{1,13}(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The register's checks (services/premises/sites/routes.ts), before sending: each problem at its field. */
export function checkSite(v: SiteValues): Array<{ name: SiteField; message: MessageKey }> {
  const wrong: Array<{ name: SiteField; message: MessageKey }> = [];
  const address = v.address.trim();
  if (address.length < 1 || address.length > 300) wrong.push({ name: 'address', message: 'community.v.address' });
  if (!AREA.test(v.areaM2) || Number(v.areaM2) <= 0) wrong.push({ name: 'areaM2', message: 'community.v.area' });
  if (!AREA.test(v.residentActivityAreaM2)) wrong.push({ name: 'residentActivityAreaM2', message: 'community.v.activityArea' });
  else if (AREA.test(v.areaM2) && Number(v.residentActivityAreaM2) > Number(v.areaM2)) wrong.push({ name: 'residentActivityAreaM2', message: 'community.v.activityOver' });
  if (v.uses.length === 0) wrong.push({ name: 'uses', message: 'community.v.uses' });
  if (v.tenure === 'rented') {
    if (!DAY.test(v.leaseStartsOn)) wrong.push({ name: 'leaseStartsOn', message: 'community.v.leaseStarts' });
    if (!DAY.test(v.leaseEndsOn) || v.leaseEndsOn <= v.leaseStartsOn) wrong.push({ name: 'leaseEndsOn', message: 'community.v.leaseEnds' });
    if (!YUAN.test(v.rentYuan)) wrong.push({ name: 'rentYuan', message: 'community.v.rent' });
    const landlord = v.landlord.trim();
    if (landlord.length < 1 || landlord.length > 200) wrong.push({ name: 'landlord', message: 'community.v.landlord' });
  }
  return wrong;
}

/** The body's fields from what was typed: areas in m², the rent in integer fen. */
export function siteBody(v: SiteValues): Omit<SiteRequest, 'community'> {
  return {
    address: v.address.trim(),
    areaM2: Number(v.areaM2),
    residentActivityAreaM2: Number(v.residentActivityAreaM2),
    tenure: v.tenure,
    uses: v.uses,
    ...(v.tenure === 'rented'
      ? { lease: { startsOn: v.leaseStartsOn, endsOn: v.leaseEndsOn, annualRentFen: Math.round(Number(v.rentYuan) * 100), landlord: v.landlord.trim() } }
      : {}),
  };
}

/** A server's 400 field (`body.lease.endsOn`) as the form's field. */
export function fieldOfServer(path: string): SiteField {
  const last = path.split('.').pop() ?? '';
  const map: Record<string, SiteField> = {
    address: 'address',
    areaM2: 'areaM2',
    residentActivityAreaM2: 'residentActivityAreaM2',
    tenure: 'tenure',
    uses: 'uses',
    startsOn: 'leaseStartsOn',
    endsOn: 'leaseEndsOn',
    annualRentFen: 'rentYuan',
    landlord: 'landlord',
    lease: 'leaseStartsOn',
  };
  return map[last] ?? (path.includes('uses') ? 'uses' : 'address');
}

/** The fields of a site: address, areas, tenure (a lease exactly when rented) and uses. */
export function SiteFields({ values, onChange, problems, children }: { values: SiteValues; onChange: (next: SiteValues) => void; problems: readonly SiteProblem[]; children?: ReactNode }) {
  const t = useT();
  const errorOf = (name: SiteField) => problems.find((p) => p.name === name)?.message;
  const opt = (name: SiteField) => {
    const error = errorOf(name);
    return error === undefined ? {} : { error };
  };
  const set = (name: SiteField) => (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value });
  const usesError = errorOf('uses');
  return (
    <>
      <Field id="site-address" label={t('community.site.address')} {...opt('address')}>
        {(aria) => <input {...aria} value={values.address} onChange={set('address')} />}
      </Field>
      <div className="field-row">
        <Field id="site-areaM2" label={t('community.site.area')} hint={t('community.site.areaHint')} {...opt('areaM2')}>
          {(aria) => <input {...aria} inputMode="decimal" value={values.areaM2} onChange={set('areaM2')} />}
        </Field>
        <Field id="site-residentActivityAreaM2" label={t('community.site.activityArea')} hint={t('community.site.activityAreaHint')} {...opt('residentActivityAreaM2')}>
          {(aria) => <input {...aria} inputMode="decimal" value={values.residentActivityAreaM2} onChange={set('residentActivityAreaM2')} />}
        </Field>
      </div>
      <Field id="site-tenure" label={t('community.site.tenure')} {...opt('tenure')}>
        {(aria) => (
          <select {...aria} value={values.tenure} onChange={(e) => onChange({ ...values, tenure: e.target.value as Tenure })}>
            {TENURES.map((tenure) => (
              <option key={tenure} value={tenure}>
                {t(`community.tenure.${tenure}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {values.tenure === 'rented' ? (
        <fieldset className="field">
          <legend>{t('community.site.lease')}</legend>
          <div className="field-row">
            <Field id="site-leaseStartsOn" label={t('community.site.leaseStarts')} {...opt('leaseStartsOn')}>
              {(aria) => <input {...aria} type="date" value={values.leaseStartsOn} onChange={set('leaseStartsOn')} />}
            </Field>
            <Field id="site-leaseEndsOn" label={t('community.site.leaseEnds')} {...opt('leaseEndsOn')}>
              {(aria) => <input {...aria} type="date" value={values.leaseEndsOn} onChange={set('leaseEndsOn')} />}
            </Field>
          </div>
          <Field id="site-rentYuan" label={t('community.site.rent')} hint={t('community.site.rentHint')} {...opt('rentYuan')}>
            {(aria) => <input {...aria} inputMode="decimal" value={values.rentYuan} onChange={set('rentYuan')} />}
          </Field>
          <Field id="site-landlord" label={t('community.site.landlord')} {...opt('landlord')}>
            {(aria) => <input {...aria} value={values.landlord} onChange={set('landlord')} />}
          </Field>
        </fieldset>
      ) : null}
      <fieldset className={usesError ? 'field field-error' : 'field'} aria-describedby={usesError ? 'uses-error' : undefined}>
        <legend>{t('community.site.uses')}</legend>
        {usesError ? (
          <span className="error-message" id="uses-error">
            {usesError}
          </span>
        ) : null}
        <div className="checkboxes">
          {USES.map((use) => (
            <div className="field checkbox" key={use}>
              <input
                type="checkbox"
                id={`use-${use}`}
                checked={values.uses.includes(use)}
                onChange={(e) => onChange({ ...values, uses: e.target.checked ? [...values.uses, use] : values.uses.filter((u) => u !== use) })}
              />
              <label htmlFor={`use-${use}`}>{t(`community.use.${use}` as MessageKey)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {children}
    </>
  );
}

/** The catalog's words for a field the server refused (its own message is in English). */
export const FIELD_MESSAGES: Record<SiteField, MessageKey> = {
  address: 'community.v.address',
  areaM2: 'community.v.area',
  residentActivityAreaM2: 'community.v.activityArea',
  tenure: 'community.v.tenure',
  uses: 'community.v.uses',
  leaseStartsOn: 'community.v.leaseStarts',
  leaseEndsOn: 'community.v.leaseEnds',
  rentYuan: 'community.v.rent',
  landlord: 'community.v.landlord',
};

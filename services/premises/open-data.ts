import { settingsFrom } from '../../kernel/config.ts';
import { OpenDataBucket, type Dataset } from '../../kernel/open-data.ts';
import { openDataSettings } from '../../kernel/open-data-settings.ts';
import { DISTRICTS } from '../../kernel/places.ts';
import { rangeAll } from '../../kernel/range-page.ts';
import type { Item, Store } from '../../kernel/store.ts';
import { keys } from './keys.ts';
import type { CommunityPremises, ComplianceStatus } from './sites/domain.ts';

const STATUSES: ComplianceStatus[] = ['compliant', 'failing', 'unassessed'];

/** Premises' public dataset: each community's compliance with its district's premises standard. */
export function premisesDatasets(table: Store): Dataset[] {
  return [
    {
      name: 'compliance-by-community',
      title: 'Premises compliance per community',
      description: 'Whether each community’s premises meet its district’s standard (area per household, resident-activity share, no long-term rentals, not scattered), the rules it fails, and when it was last assessed.',
      fields: [
        { name: 'district', type: 'string', meaning: 'The district (D01).' },
        { name: 'street', type: 'string', meaning: 'The street (D01/S03).' },
        { name: 'community', type: 'string', meaning: 'The community (D01/S03/C07).' },
        { name: 'status', type: 'string', meaning: 'compliant, failing, or unassessed (no households recorded yet).' },
        { name: 'households', type: 'integer', nullable: true, meaning: 'Households recorded for the community; empty before any.' },
        { name: 'sites', type: 'integer', meaning: 'Premises sites registered for it.' },
        { name: 'failing', type: 'string', meaning: 'The rules it fails, separated by ";"; empty when none.' },
        { name: 'assessedAt', type: 'datetime', nullable: true, meaning: 'When it was last assessed; empty before any.' },
      ],
      async rows() {
        const rows: Array<Record<string, unknown>> = [];
        for (const district of DISTRICTS) {
          for (const status of STATUSES) {
            // The district's communities in a status: one Query of the compliance index.
            const items = await rangeAll<Item & CommunityPremises>(table, { index: 'gsi1', partition: keys.complianceOfDistrict(district.id, status), ascending: true, maxItems: 10_000 });
            for (const c of items) {
              rows.push({
                district: c.district,
                street: c.street,
                community: c.community,
                status: c.status,
                households: c.households ?? null,
                sites: c.sites.length,
                failing: c.failing.join(';'),
                assessedAt: c.assessedAt ?? null,
              });
            }
          }
        }
        return rows.sort((a, b) => (String(a.community) < String(b.community) ? -1 : 1));
      },
    },
  ];
}

/** The `open-data` job of premises. */
export async function exportPremisesOpenData(table: Store, now: string) {
  const bucket = OpenDataBucket.fromSettings(settingsFrom(openDataSettings));
  const entries = await bucket.publish('premises', premisesDatasets(table), now);
  return { datasets: entries.length, rows: entries.reduce((n, e) => n + e.rows, 0) };
}

import * as z from 'zod/mini';
import { CommunityInPath, CommunitySchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes } from '../../../kernel/routes.ts';
import { AreaM2 } from '../area.ts';
import { ComplianceSchema } from '../compliance/schemas.ts';
import { TenureSchema, UseSchema } from '../../../contracts/premises.ts';
import { SiteRecordSchema, SiteSchema } from './schemas.ts';
import { ulidOf } from '../../../kernel/ids.ts';

export const SiteId = z.strictObject({ id: ulidOf('a site id') });
const Day = z.iso.date('a date such as 2026-07-01');
const Fen = z.number().check(z.int('whole fen'), z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER));

const Lease = z
  .strictObject({
    startsOn: Day,
    endsOn: Day,
    annualRentFen: Fen,
    landlord: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  })
  .check(z.refine((l) => l.endsOn > l.startsOn, { message: 'endsOn must be after startsOn', path: ['endsOn'] }));

const siteFields = {
  address: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  areaM2: AreaM2.check(z.refine((v) => v > 0, 'more than 0')),
  residentActivityAreaM2: AreaM2,
  tenure: TenureSchema,
  uses: z.array(UseSchema).check(z.minLength(1), z.maxLength(9), z.refine((u) => new Set(u).size === u.length, 'each use once')),
};

const who = ['community-worker', 'street-official'] as const;

/** The register of sites, and the households a community serves. */
export const siteRoutes = defineRoutes({
  registerSite: {
    method: 'POST',
    path: '/premises/sites',
    summary: 'Register a site of community space',
    description:
      "A site of community office and service space: `community`, `address`, `areaM2` and `residentActivityAreaM2` (at most two decimals), `tenure`, a `lease` exactly when rented, and its `uses`. A community worker registers for its own community, a street official for its street's. Answers the site with its community's compliance re-assessed. → `SiteRegistered` (+ `ComplianceAssessed` when the result changes).",
    access: { roles: who, jurisdiction: 'subject' },
    body: z.strictObject({ community: CommunitySchema, ...siteFields, lease: z.optional(Lease) }),
    status: 201,
    idempotent: true,
    response: SiteRecordSchema,
  },
  changeSite: {
    method: 'PATCH',
    path: '/premises/sites/{id}',
    summary: "Change a site's record",
    description:
      "The fields to change, with the site's `version` as read (stale 409); `lease: null` removes the lease, and a tenure other than rented drops it. Answers the site with its community's compliance re-assessed. → `SiteChanged` (+ `ComplianceAssessed` when the result changes).",
    access: { roles: who, jurisdiction: 'subject' },
    params: SiteId,
    body: z
      .strictObject({
        version: z.number().check(z.int(), z.positive()),
        address: z.optional(siteFields.address),
        areaM2: z.optional(siteFields.areaM2),
        residentActivityAreaM2: z.optional(siteFields.residentActivityAreaM2),
        tenure: z.optional(siteFields.tenure),
        uses: z.optional(siteFields.uses),
        lease: z.optional(z.nullable(Lease)),
      })
      .check(z.refine((b) => Object.keys(b).length > 1, { message: 'name at least one field to change', path: ['version'] })),
    status: 200,
    response: SiteRecordSchema,
  },
  communitySites: {
    method: 'GET',
    path: '/premises/communities/{community}/sites',
    summary: "List a community's sites",
    description:
      "Every site in a community's register, in the order they were registered, each with the `version` a change sends back. " +
      'One record holds a community’s sites, so this is the whole register in one answer (no cursor). The community is written `D01-S03-C07` in the path.',
    access: { roles: [...who, 'district-admin'], jurisdiction: 'subject' },
    params: z.strictObject({ community: CommunityInPath }),
    status: 200,
    response: z.object({ items: z.array(SiteSchema) }).check(z.meta({ title: 'CommunitySites' })),
  },
  site: {
    method: 'GET',
    path: '/premises/sites/{id}',
    summary: 'Get a site',
    description: "A site as the register holds it, with its community's compliance as it stands. Its rooms: `GET /premises/rooms?site=<id>`.",
    access: { roles: [...who, 'district-admin'], jurisdiction: 'subject' },
    params: SiteId,
    status: 200,
    response: SiteRecordSchema,
  },
  recordHouseholds: {
    method: 'POST',
    path: '/premises/communities/{community}/households',
    summary: 'Record the households a community serves',
    description:
      "The households drive the required area. The community is re-assessed and its compliance is the answer. The community is written `D01-S03-C07` in the path. → `HouseholdsRecorded` (+ `ComplianceAssessed` when the result changes).",
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ community: CommunityInPath }),
    body: z.strictObject({ households: z.number().check(z.int('a whole number'), z.gte(0), z.lte(1_000_000)) }),
    status: 200,
    response: ComplianceSchema,
  },
});

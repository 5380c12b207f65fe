import * as z from 'zod/mini';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';

import { ComplianceSchema } from '../compliance/schemas.ts';
import { TenureSchema, UseSchema } from '../../../contracts/premises.ts';
import { ulidOf } from '../../../kernel/ids.ts';

const M2 = z.number().check(z.nonnegative(), z.meta({ description: 'm², at most two decimals.' }));

/** A site of community office and service space, as the register holds it. */
export const SiteSchema = z
  .object({
    id: ulidOf('a site id'),
    community: CommunitySchema,
    street: StreetSchema,
    address: z.string(),
    areaM2: M2,
    residentActivityAreaM2: M2,
    tenure: TenureSchema,
    lease: z.optional(
      z
        .object({ startsOn: z.iso.date(), endsOn: z.iso.date(), annualRentFen: z.number().check(z.int(), z.nonnegative()), landlord: z.string() })
        .check(z.meta({ description: 'Exactly when `tenure` is `rented`.' })),
    ),
    uses: z.array(UseSchema),
    registeredAt: z.iso.datetime(),
    registeredBy: z.string(),
    changedAt: z.optional(z.iso.datetime()),
    version: z.number().check(z.int(), z.positive(), z.meta({ description: 'Send it back with a change (`PATCH`): a stale one is 409.' })),
  })
  .check(z.meta({ title: 'Site' }));

/**
 * Every answer about a site: the site, and beside it its community's compliance as it stands with
 * the site as it is (registering or changing a site re-assesses the community).
 */
export const SiteRecordSchema = z
  .object({ site: SiteSchema, compliance: ComplianceSchema })
  .check(z.meta({ title: 'SiteRecord' }));

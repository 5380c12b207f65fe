import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { AreaM2 } from '../area.ts';

const District = z.strictObject({ district: z.string().check(z.regex(/^D\d{2}$/, 'a district such as D01')) });

/** The standard for community premises, per district. */
export const standardRoutes = defineRoutes({
  districtStandard: {
    method: 'GET',
    path: '/premises/districts/{district}/standard',
    summary: "The district's standard for community premises (the national defaults until it sets its own).",
    access: { public: true },
    params: District,
    status: 200,
  },
  setDistrictStandard: {
    method: 'PUT',
    path: '/premises/districts/{district}/standard',
    summary: "Set the district's standard; `version` is the one read (0 for the defaults), stale 409.",
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: District,
    body: z.strictObject({
      version: z.number().check(z.int(), z.nonnegative()),
      areaPer100HouseholdsM2: AreaM2.check(z.refine((v) => v > 0, 'more than 0')),
      residentActivitySharePercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
      serviceComplexMinM2: AreaM2,
      longTermRentalYears: z.number().check(z.int(), z.gte(1), z.lte(50)),
      maxOfficeSites: z.number().check(z.int(), z.gte(1), z.lte(20)),
    }),
    status: 200,
  },
});

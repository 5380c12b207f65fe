import * as z from 'zod/mini';
import { DistrictSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes } from '../../../kernel/routes.ts';
import { AreaM2 } from '../area.ts';
import { StandardSchema } from './schemas.ts';

const District = z.strictObject({ district: DistrictSchema });

/** The standard for community premises, per district. */
export const standardRoutes = defineRoutes({
  districtStandard: {
    method: 'GET',
    path: '/premises/districts/{district}/standard',
    summary: "Get a district's standard for community premises",
    description: "The rules a district's communities' premises are held to: the national defaults (`source: national-default`, version 0) until it sets its own.",
    access: { public: true },
    params: District,
    status: 200,
    response: StandardSchema,
  },
  setDistrictStandard: {
    method: 'PUT',
    path: '/premises/districts/{district}/standard',
    summary: "Set a district's standard for community premises",
    description:
      "All five rules, with the `version` read (0 for the defaults): a stale one is 409. Each community's stored result follows at its next change; compliance read meanwhile already uses the new standard. → `StandardSet`.",
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
    response: StandardSchema,
  },
});

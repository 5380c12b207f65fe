import * as z from 'zod/mini';
import { DistrictSchema } from '../../../kernel/jurisdiction.ts';

/** The standard a district holds its communities' premises to: the national defaults until it sets its own. */
export const StandardSchema = z
  .object({
    district: DistrictSchema,
    source: z.enum(['national-default', 'district']),
    version: z.number().check(z.int(), z.nonnegative(), z.meta({ description: '0 for the national defaults; send it back with a change (`PUT`): a stale one is 409.' })),
    areaPer100HouseholdsM2: z.number().check(z.nonnegative(), z.meta({ description: 'Community service space required per 100 households, m².' })),
    residentActivitySharePercent: z.number().check(z.int(), z.gte(0), z.lte(100), z.meta({ description: "The least share of it for residents' activities." })),
    serviceComplexMinM2: z.number().check(z.nonnegative(), z.meta({ description: 'The least size of the service complex (the largest site), m².' })),
    longTermRentalYears: z.number().check(z.int(), z.positive(), z.meta({ description: 'A rental longer than this is long-term.' })),
    maxOfficeSites: z.number().check(z.int(), z.positive(), z.meta({ description: 'More office sites than this is scattered.' })),
    setAt: z.optional(z.iso.datetime()),
    setBy: z.optional(z.string()),
  })
  .check(z.meta({ title: 'Standard' }));

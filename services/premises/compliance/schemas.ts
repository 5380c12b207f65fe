import * as z from 'zod/mini';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';

import { RULES } from './rules.ts';
import { ulidOf } from '../../../kernel/ids.ts';

const M2 = z.number().check(z.nonnegative(), z.meta({ description: 'm², at most two decimals.' }));
const Status = z.enum(['unassessed', 'compliant', 'failing']);
const Rule = z.enum(RULES);

/**
 * A community against its district's standard, in every answer that shows one (its compliance, the
 * list of a street's communities, a site registered or changed, households recorded).
 */
export const ComplianceSchema = z
  .object({
    community: CommunitySchema,
    street: StreetSchema,
    status: Status.check(z.meta({ description: '`unassessed` until its households are recorded.' })),
    households: z.nullable(z.number().check(z.int(), z.nonnegative())),
    sites: z.number().check(z.int(), z.nonnegative()),
    totalAreaM2: M2,
    requiredAreaM2: z.nullable(M2),
    shortfallM2: z.nullable(M2),
    residentActivityAreaM2: M2,
    residentActivitySharePercent: z.nullable(z.number().check(z.nonnegative(), z.lte(100))),
    longTermRentals: z.array(
      z.object({ siteId: z.string(), address: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date(), reason: z.string() }),
    ),
    officeSites: z.array(z.string()).check(z.meta({ description: 'The ids of the sites used as the office.' })),
    scattered: z.boolean(),
    rules: z.array(
      z.object({
        rule: Rule,
        pass: z.nullable(z.boolean()).check(z.meta({ description: 'null while it cannot be judged (households unknown).' })),
        detail: z.string(),
        figures: z
          .record(z.string(), z.union([z.number(), z.string(), z.null(), z.array(z.string())]))
          .check(z.meta({ description: "The rule's own numbers, by name (m², percent, households, site ids)." })),
      }),
    ),
    failing: z.array(Rule),
    standardVersion: z.number().check(z.int(), z.nonnegative(), z.meta({ description: "The version of the district's standard applied (0: the national defaults)." })),
    assessedAt: z.nullable(
      z.iso.datetime().check(z.meta({ description: 'When its stored result last changed (its last ComplianceAssessed); null before its first assessment.' })),
    ),
  })
  .check(z.meta({ title: 'Compliance' }));

/** A street office's plan to remedy a failing community, with funding's answers to its request for money. */
export const RemediationSchema = z
  .object({
    id: ulidOf('a remediation id'),
    community: CommunitySchema,
    street: StreetSchema,
    failing: z.array(Rule),
    shortfallM2: M2,
    plan: z.string(),
    dueBy: z.iso.date(),
    amountFen: z.optional(z.number().check(z.int(), z.positive(), z.meta({ description: 'The money asked of funding, in fen.' }))),
    purpose: z.optional(z.string()),
    status: z.enum(['planned', 'funding-requested', 'funded', 'funding-declined']),
    plannedAt: z.iso.datetime(),
    plannedBy: z.string(),
    allocatedFen: z.optional(z.number().check(z.int(), z.nonnegative(), z.meta({ description: 'All funding has allocated to it so far.' }))),
    allocations: z.optional(z.array(z.object({ allocationId: z.string(), amountFen: z.number().check(z.int(), z.positive()), at: z.iso.datetime() }))),
    declinedReason: z.optional(z.string()),
  })
  .check(z.meta({ title: 'Remediation' }));

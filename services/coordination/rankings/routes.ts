import * as z from 'zod/mini';
import { DistrictSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes } from '../../../kernel/routes.ts';
import { Instant } from '../vocabulary.ts';
import { CLOSE_GRACE_DAYS, CSV_COLUMNS, RANKING_KINDS } from './domain.ts';

const Count = z.number().check(z.int(), z.nonnegative());
const Rate = (description: string) => z.nullable(z.number().check(z.gte(0), z.lte(1))).check(z.meta({ description }));
const Rank = (description: string) => z.nullable(z.number().check(z.int(), z.positive())).check(z.meta({ description }));
export const MonthSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11'), z.meta({ examples: ['2026-11'] }));

export const RankingRowSchema = z
  .object({
    subject: z.string().check(z.meta({ description: 'The department (a slug such as market-supervision) or the street (D01/S03).' })),
    rank: Rank('Its place in the district by score, 1 the best; equal scores share a place; null without any rate yet.'),
    received: Count.check(z.meta({ description: 'Issues raised in the month that named the department (for a street: that it raised).' })),
    responses: Count.check(z.meta({ description: 'Reports-in made in the month.' })),
    responsesOnTime: Count,
    responseRate: Rate('Reports-in within the response deadline, of the reports-in; null before any.'),
    resolutions: Count.check(z.meta({ description: 'Resolutions made in the month (a department’s part of an issue).' })),
    resolutionsOnTime: Count,
    resolutionRate: Rate('Resolutions within the resolution deadline, of the resolutions; null before any.'),
    ratings: Count,
    averageRating: z.nullable(z.number()).check(z.meta({ description: 'The mean rating, 1 to 5 to two places; null before any.' })),
    satisfactionRate: Rate('Ratings of 4 or 5, of the ratings; null before any.'),
    escalations: Count.check(z.meta({ description: 'Issues escalated in the month because a deadline passed unanswered.' })),
    blockedWorkItems: Count.check(z.meta({ description: 'Work items pushed in the month that were not on the access list.' })),
    score: Rate('The mean of the rates it has (response, resolution, satisfaction), to four places; null without any.'),
    previousRank: Rank('Its place the month before; null if it had none.'),
    rankChange: z.nullable(z.number().check(z.int())).check(z.meta({ description: 'Places climbed since the month before (negative: fell); null without both places.' })),
    scoreChange: z.nullable(z.number()).check(z.meta({ description: 'Its score less the month before’s; null without both.' })),
  })
  .check(z.meta({ title: 'RankingRow' }));

export const RankingsView = z
  .object({
    district: DistrictSchema,
    month: MonthSchema,
    of: z.enum(RANKING_KINDS),
    closed: z.boolean().check(z.meta({ description: 'True once the month is closed: its figures no longer change.' })),
    closesAt: Instant.check(z.meta({ description: `When the month closes: ${CLOSE_GRACE_DAYS} days after it ends, China time.` })),
    closedAt: z.nullable(Instant).check(z.meta({ description: 'When the closing was recorded; null while open.' })),
    previousMonth: MonthSchema,
    eventsApplied: Count.check(z.meta({ description: 'Events counted in the district’s month.' })),
    eventsAfterClose: Count.check(z.meta({ description: 'Events of the month that came after it closed and were not counted.' })),
    changedAt: z.nullable(Instant).check(z.meta({ description: 'When an event last reached the district’s month; null before any.' })),
    items: z.array(RankingRowSchema).check(z.meta({ description: 'Ranked first, best first; then those without a rank, by subject.' })),
  })
  .check(z.meta({ title: 'Rankings' }));

/** The monthly "three rates" rankings, public. */
export const rankingRoutes = defineRoutes({
  rankings: {
    method: 'GET',
    path: '/coordination/rankings',
    summary: 'Read a district’s monthly rankings of departments or streets',
    description:
      'The "three rates" of every department (or street) of a district for a China-time month — issues received, response rate ' +
      '(reported in on time), resolution rate (resolved within the deadline), satisfaction (mean rating, share rated 4–5), ' +
      'escalations and blocked work items — ranked by the mean of the three rates, with the change from the month before. ' +
      `Kept from the events as they happen; a month closes ${CLOSE_GRACE_DAYS} days after it ends (China time) and is frozen from then on. ` +
      'Public: no token. JSON by default; CSV with `format=csv` or `Accept: text/csv` (same rows, one line each, a header line first).',
    access: { public: true },
    query: z.strictObject({
      district: DistrictSchema,
      month: z.optional(MonthSchema).check(z.meta({ description: 'Default: the current month, China time.' })),
      of: z._default(z.enum(RANKING_KINDS), 'departments'),
      format: z.optional(z.enum(['json', 'csv'])).check(z.meta({ description: 'csv: the table as text/csv (as `Accept: text/csv`).' })),
    }),
    status: 200,
    response: RankingsView,
    csv: {
      description: `A header line, then a line per row of \`items\`: ${CSV_COLUMNS.join(', ')}. Empty where the JSON has null. UTF-8, comma-separated, RFC 4180 quoting.`,
      example: `${CSV_COLUMNS.join(',')}\n1,market-supervision,12,11,10,0.9091,8,7,0.875,6,4.5,0.8333,1,0,0.8725,2,1,0.0412\n`,
    },
  },
});

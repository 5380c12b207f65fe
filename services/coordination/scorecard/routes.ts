import * as z from 'zod/mini';
import { StreetInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes } from '../../../kernel/routes.ts';

import { Instant } from '../vocabulary.ts';

const Count = z.number().check(z.int(), z.nonnegative());
/** Money as the events add it up; an adjustment that arrives before its budget's approval can leave it below zero for a while. */
const Fen = z.number().check(z.int(), z.meta({ description: 'Integer fen (1 yuan = 100 fen).' }));
const Rate = (description: string) => z.nullable(z.number().check(z.gte(0), z.lte(1))).check(z.meta({ description }));

/** The five-haves scorecard of a street, from the events of all five services. */
const ScorecardView = z
  .object({
    street: StreetSchema,
    changedAt: z.nullable(Instant).check(z.meta({ description: 'When an event last changed it; null before the first.' })),
    eventsApplied: Count,
    staffing: z
      .object({
        posts: Count.check(z.meta({ description: 'Posts of the positions published for the street (their quotas).' })),
        hired: Count,
        vacancies: Count,
        vacancyRate: Rate('Vacancies, of the posts; null without posts.'),
        flaggedSecondments: z.number().check(
          z.int(),
          z.meta({ description: 'Secondments flagged and not yet ended (an end that arrives before its flag can leave it below zero for a while).' }),
        ),
      })
      .check(z.meta({ title: 'ScorecardStaffing' })),
    money: z
      .object({ budgetedFen: Fen, allocatedFen: Fen, disbursedFen: Fen })
      .check(z.meta({ title: 'ScorecardMoney' })),
    place: z
      .object({ communitiesCompliant: Count, communitiesAssessed: Count, complianceRate: Rate('Compliant, of the communities assessed; null before any.') })
      .check(z.meta({ title: 'ScorecardPlace' })),
    power: z
      .object({ powersHeld: Count, consentsDecided: Count, consentsDecidedInTime: Count, opinionsGiven: Count })
      .check(z.meta({ title: 'ScorecardPower' })),
    coordination: z
      .object({
        issuesRaised: Count,
        responses: Count,
        responsesOnTime: Count,
        issuesClosed: Count,
        issuesClosedOnTime: Count,
        onTimeRate: Rate('Closed on time, of the issues closed; null before any.'),
        ratings: Count,
        averageRating: z.nullable(z.number()).check(z.meta({ description: 'The average rating, 1 to 5 to two places; null before any.' })),
        issuesEscalated: Count,
        workItemsAccepted: Count,
        workItemsBlocked: Count,
      })
      .check(z.meta({ title: 'ScorecardCoordination' })),
  })
  .check(z.meta({ title: 'Scorecard' }));

/** The five-haves scorecard of a street. */
export const scorecardRoutes = defineRoutes({
  streetScorecard: {
    method: 'GET',
    path: '/coordination/streets/{street}/scorecard',
    summary: 'Read a street’s five-haves scorecard',
    description:
      'Staffing, money, place, power and coordination figures of a street, kept from the events of all five services, and when ' +
      'they last changed. The street is written `D01-S03`. For the street office and the district office.',
    access: { roles: ['street-official', 'district-admin'], jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    status: 200,
    response: ScorecardView,
  },
});

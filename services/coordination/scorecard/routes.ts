import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { StreetInPath } from '../vocabulary.ts';

/** The five-haves scorecard of a street. */
export const scorecardRoutes = defineRoutes({
  streetScorecard: {
    method: 'GET',
    path: '/coordination/streets/{street}/scorecard',
    summary: 'Staffing, money, place, power and coordination figures of a street, and when they last changed.',
    access: { roles: ['street-official', 'district-admin'], jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    status: 200,
  },
});

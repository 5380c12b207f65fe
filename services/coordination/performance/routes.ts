import * as z from 'zod/mini';
import { DistrictSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';

const Count = z.number().check(z.int(), z.nonnegative());
/** A share to four places (0.25 = 25 %); null when there is nothing to divide by. */
const Rate = (description: string) => z.nullable(z.number().check(z.gte(0), z.lte(1))).check(z.meta({ description }));

/** How a department answers the streets of a district. */
const PerformanceView = z
  .object({
    district: DistrictSchema,
    department: DepartmentSchema,
    assigned: Count.check(z.meta({ description: 'Issues that named the department.' })),
    acknowledged: Count,
    resolved: Count,
    responseRate: Rate('Reported in on time, of the issues assigned; null before any.'),
    resolutionRate: Rate('Resolved, of the issues assigned; null before any.'),
    resolvedOnTimeRate: Rate('Resolved on time, of those resolved; null before any.'),
    satisfactionRate: Rate('Ratings of 4 or 5, of the ratings; null before any.'),
    averageRating: z.nullable(z.number()).check(z.meta({ description: 'The average rating, 1 to 5 to two places; null before any.' })),
    ratings: Count,
    escalated: Count.check(z.meta({ description: 'Issues escalated because the department had not answered in time.' })),
    overdue: Count.check(z.meta({ description: 'Its issues past their running deadline now.' })),
    blockedWorkItems: Count.check(z.meta({ description: 'Work items it tried to push that were not on the access list.' })),
  })
  .check(z.meta({ title: 'DepartmentPerformance' }));

/** How a department answers the streets. */
export const performanceRoutes = defineRoutes({
  departmentPerformance: {
    method: 'GET',
    path: '/coordination/departments/{dept}/performance',
    summary: 'Read a department’s performance',
    description:
      'A department’s response, resolution and satisfaction rates in a district (default the caller’s), its escalated and overdue ' +
      'issues, and the work items it tried to push that were not on the access list. The district office reads every department; ' +
      'a department only itself.',
    access: { roles: ['district-admin', 'department'], jurisdiction: 'subject', department: 'own' },
    params: z.strictObject({ dept: DepartmentSchema }),
    /** Default the caller's district. */
    query: z.strictObject({ district: z.optional(DistrictSchema) }),
    status: 200,
    response: PerformanceView,
  },
});

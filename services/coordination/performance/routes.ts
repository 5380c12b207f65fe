import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { DistrictSchema } from '../vocabulary.ts';

/** How a department answers the streets. */
export const performanceRoutes = defineRoutes({
  departmentPerformance: {
    method: 'GET',
    path: '/coordination/departments/{dept}/performance',
    summary: 'Response, resolution and satisfaction rates, overdue count and blocked work items of a department.',
    access: { roles: ['district-admin', 'department'], jurisdiction: 'subject', department: 'own' },
    params: z.strictObject({ dept: DepartmentSchema }),
    /** Default the caller's district. */
    query: z.strictObject({ district: z.optional(DistrictSchema) }),
    status: 200,
  },
});

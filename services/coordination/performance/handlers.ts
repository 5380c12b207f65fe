import { BadRequestError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { IssueStore } from '../issues/store.ts';
import { keys } from '../keys.ts';
import type { performanceRoutes } from './routes.ts';
import { performanceCounts, performanceView } from './store.ts';

export function performanceHandlers(table: Store): RouteHandlers<typeof performanceRoutes> {
  const issues = new IssueStore(table);
  return {
    async departmentPerformance({ params, query, principal, ctx }) {
      const district = query.district ?? principal.jurisdiction;
      if (!/^D\d{2}$/.test(district)) {
        throw new BadRequestError('Name the district (your jurisdiction is not a district).', [{ field: 'query.district', message: 'required' }]);
      }
      ctx.authorize({ jurisdiction: district, department: params.dept });
      const scope = keys.scope(district, params.dept);
      const [counts, overdueOpen, overdueAcknowledged] = await Promise.all([
        performanceCounts(table, district, params.dept),
        issues.countOverdue(scope, 'open', ctx.cause.now),
        issues.countOverdue(scope, 'acknowledged', ctx.cause.now),
      ]);
      return { statusCode: 200, body: performanceView(district, params.dept, counts, overdueOpen + overdueAcknowledged) };
    },
  };
}

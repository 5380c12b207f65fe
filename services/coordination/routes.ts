import { healthRoute } from '../../kernel/health.ts';
import { defineRoutes } from '../../kernel/routes.ts';
import { companyRoutes } from './companies/routes.ts';
import { issueRoutes } from './issues/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { performanceRoutes } from './performance/routes.ts';
import { rankingRoutes } from './rankings/routes.ts';
import { scorecardRoutes } from './scorecard/routes.ts';
import { workItemRoutes } from './work-items/routes.ts';

/**
 * Coordination's HTTP surface, by capability: whistles (issues); joint meetings and decisions;
 * property companies; the access list and work items; department performance; the scorecard; the monthly rankings.
 */
export const routes = defineRoutes({
  ...issueRoutes,
  ...meetingRoutes,
  ...companyRoutes,
  ...workItemRoutes,
  ...performanceRoutes,
  ...scorecardRoutes,
  ...rankingRoutes,
  health: healthRoute('coordination'),
});

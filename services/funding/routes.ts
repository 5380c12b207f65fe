import { healthRoute } from '../../kernel/health.ts';
import { defineRoutes } from '../../kernel/routes.ts';
import { budgetRoutes } from './budgets/routes.ts';
import { poolRoutes } from './pools/routes.ts';
import { projectRoutes } from './projects/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { summaryRoutes } from './summary/routes.ts';

/**
 * Funding's HTTP surface, "money to do things": street budgets by category, fund pools that bundle
 * departments' programs for communities, capital projects delegated to towns, and the decisions on
 * funding requests that arrive as events. Money is integer fen throughout.
 */
export const routes = defineRoutes({
  ...budgetRoutes,
  ...poolRoutes,
  ...projectRoutes,
  ...requestRoutes,
  ...summaryRoutes,
  health: healthRoute('funding'),
});

import { healthRoute } from '../../kernel/health.ts';
import { defineRoutes } from '../../kernel/routes.ts';
import { applicationRoutes } from './applications/routes.ts';
import { appointmentRoutes } from './appointments/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { positionRoutes } from './positions/routes.ts';
import { staffRoutes } from './staff/routes.ts';

/**
 * Recruitment's HTTP surface, by capability: appointments of agency heads; the annual plan; the job
 * board's positions; applications; the roster, secondments and staffing.
 */
export const routes = defineRoutes({
  ...appointmentRoutes,
  ...planRoutes,
  ...positionRoutes,
  ...applicationRoutes,
  ...staffRoutes,
  health: healthRoute('recruitment'),
});

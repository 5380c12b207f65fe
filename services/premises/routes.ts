import { healthRoute } from '../../kernel/health.ts';
import { defineRoutes } from '../../kernel/routes.ts';
import { complianceRoutes } from './compliance/routes.ts';
import { roomRoutes } from './rooms/routes.ts';
import { siteRoutes } from './sites/routes.ts';
import { standardRoutes } from './standard/routes.ts';

/**
 * Premises' HTTP surface, "a place to discuss": the register of community office and service space,
 * compliance with the district's standard and remediation, and rooms booked for deliberation. Each
 * capability's folder holds its routes, handlers, domain and store.
 */
export const routes = defineRoutes({
  ...standardRoutes,
  ...siteRoutes,
  ...complianceRoutes,
  ...roomRoutes,
  health: healthRoute('premises'),
});

import { healthRoute } from '../../kernel/health.ts';
import { defineRoutes } from '../../kernel/routes.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { consentRoutes } from './consents/routes.ts';
import { delegationRoutes } from './delegations/routes.ts';
import { evaluationRoutes } from './evaluations/routes.ts';
import { powerRoutes } from './powers/routes.ts';

/**
 * Authority's HTTP surface, "the right to manage": written consent to appointments, the power catalog
 * and its delegations to streets, evaluations that ask the streets' opinion first, and the double
 * assessment of stationed staff. Each capability's folder holds its routes, handlers, domain and store.
 */
export const routes = defineRoutes({
  ...consentRoutes,
  ...powerRoutes,
  ...delegationRoutes,
  ...evaluationRoutes,
  ...assessmentRoutes,
  health: healthRoute('authority'),
});

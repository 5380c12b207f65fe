import { healthRoute } from '../../kernel/health.ts';
import { defineRoutes } from '../../kernel/routes.ts';

/** funding's HTTP surface; its business routes come with its own issue. */
export const routes = defineRoutes({
  health: healthRoute('funding'),
});

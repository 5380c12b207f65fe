import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { subscriptions } from './subscriptions.ts';

export const recruitment: ServiceDefinition = {
  name: 'recruitment',
  routes,
  subscriptions,
  http: 'services/recruitment/handlers/http.ts',
  events: 'services/recruitment/handlers/events.ts',
};

import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { subscriptions } from './subscriptions.ts';

export const premises: ServiceDefinition = {
  name: 'premises',
  routes,
  subscriptions,
  http: 'services/premises/handlers/http.ts',
  events: 'services/premises/handlers/events.ts',
};

import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { subscriptions } from './subscriptions.ts';

export const funding: ServiceDefinition = {
  name: 'funding',
  routes,
  subscriptions,
  http: 'services/funding/handlers/http.ts',
  events: 'services/funding/handlers/events.ts',
};

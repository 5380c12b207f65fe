import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';

export const funding: ServiceDefinition = {
  name: 'funding',
  routes,
  subscriptions: [],
  http: 'services/funding/handlers/http.ts',
};

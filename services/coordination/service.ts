import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';

export const coordination: ServiceDefinition = {
  name: 'coordination',
  routes,
  subscriptions: [],
  http: 'services/coordination/handlers/http.ts',
};

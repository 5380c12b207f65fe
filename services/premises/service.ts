import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const premises: ServiceDefinition = {
  name: 'premises',
  routes,
  consumers,
  http: 'services/premises/handlers/http.ts',
  events: 'services/premises/handlers/events.ts',
};

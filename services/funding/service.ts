import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const funding: ServiceDefinition = {
  name: 'funding',
  routes,
  consumers,
  http: 'services/funding/handlers/http.ts',
  events: 'services/funding/handlers/events.ts',
};

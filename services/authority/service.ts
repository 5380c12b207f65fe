import type { ServiceDefinition } from '../../kernel/service.ts';
import { assessmentSettings } from './assessments/settings.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const authority: ServiceDefinition = {
  name: 'authority',
  routes,
  consumers,
  http: 'services/authority/handlers/http.ts',
  events: 'services/authority/handlers/events.ts',
  config: { ...assessmentSettings },
};

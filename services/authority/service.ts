import type { ServiceDefinition } from '../../kernel/service.ts';
import { assessmentSettings } from './assessments/settings.ts';
import { routes } from './routes.ts';
import { subscriptions } from './subscriptions.ts';

export const authority: ServiceDefinition = {
  name: 'authority',
  routes,
  subscriptions,
  http: 'services/authority/handlers/http.ts',
  events: 'services/authority/handlers/events.ts',
  config: { ...assessmentSettings },
};

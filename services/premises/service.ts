import { openDataSettings } from '../../kernel/open-data-settings.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const premises: ServiceDefinition = {
  name: 'premises',
  routes,
  consumers,
  http: 'services/premises/handlers/http.ts',
  events: 'services/premises/handlers/events.ts',
  config: { ...openDataSettings },
  schedules: [
    {
      name: 'open-data',
      rateMinutes: 24 * 60,
      description: 'Publishes each community’s premises compliance as open data (CSV, JSON, data dictionary) and rewrites the index',
      handler: 'services/premises/handlers/open-data.ts',
      openData: true,
    },
  ],
};

import { openDataSettings } from '../../kernel/open-data-settings.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const funding: ServiceDefinition = {
  name: 'funding',
  routes,
  consumers,
  http: 'services/funding/handlers/http.ts',
  events: 'services/funding/handlers/events.ts',
  config: { ...openDataSettings },
  schedules: [
    {
      name: 'open-data',
      rateMinutes: 24 * 60,
      description: 'Publishes the street budgets by category and the fund pools by program line (amounts only) as open data and rewrites the index',
      handler: 'services/funding/handlers/open-data.ts',
      openData: true,
    },
  ],
};

import { openDataSettings } from '../../kernel/open-data-settings.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const recruitment: ServiceDefinition = {
  name: 'recruitment',
  routes,
  consumers,
  http: 'services/recruitment/handlers/http.ts',
  events: 'services/recruitment/handlers/events.ts',
  config: { ...openDataSettings },
  schedules: [
    {
      name: 'secondment-check',
      // Secondments end on calendar days: an hourly check flags one within the hour its last day passes.
      rateMinutes: 60,
      description: 'Flags active secondments that ran past their end date (SecondmentFlagged, once each); on its first run of each day publishes open data',
      handler: 'services/recruitment/handlers/schedule.ts',
      openData: true,
    },
  ],
};

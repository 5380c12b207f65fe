import { openDataSettings } from '../../kernel/open-data-settings.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { deadlineSettings } from './issues/deadlines.ts';
import { routes } from './routes.ts';
import { consumers } from './consumers.ts';

export const coordination: ServiceDefinition = {
  name: 'coordination',
  routes,
  consumers,
  http: 'services/coordination/handlers/http.ts',
  events: 'services/coordination/handlers/events.ts',
  config: { ...deadlineSettings, ...openDataSettings },
  schedules: [
    {
      name: 'deadline-check',
      // The shortest deadline is 30 minutes to report in: a check every 5 minutes escalates within 5 of it.
      rateMinutes: 5,
      description:
        'Escalates unresolved issues past their response or resolution deadline onto the next joint meeting; on its first run of each day closes the due months of the rankings and publishes open data',
      handler: 'services/coordination/handlers/schedule.ts',
      openData: true,
    },
  ],
};

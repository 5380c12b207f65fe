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
  config: { ...deadlineSettings },
  schedules: [
    {
      name: 'deadline-check',
      // The shortest deadline is 30 minutes to report in: a check every 5 minutes escalates within 5 of it.
      rateMinutes: 5,
      description: 'Escalates unresolved issues past their response or resolution deadline (IssueEscalated, once each) onto the next joint meeting',
      handler: 'services/coordination/handlers/schedule.ts',
    },
  ],
};

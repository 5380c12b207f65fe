import { openDataSettings } from '../../kernel/open-data.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { deadlineSettings } from './issues/deadlines.ts';
import { routes } from './routes.ts';
import { subscriptions } from './subscriptions.ts';

export const coordination: ServiceDefinition = {
  name: 'coordination',
  routes,
  subscriptions,
  http: 'services/coordination/handlers/http.ts',
  events: 'services/coordination/handlers/events.ts',
  config: { ...deadlineSettings, ...openDataSettings },
  schedules: [
    {
      name: 'deadline-check',
      // The shortest deadline is 30 minutes to report in: a check every 5 minutes escalates within 5 of it.
      rateMinutes: 5,
      description: 'Escalates unresolved issues past their response or resolution deadline (IssueEscalated, once each) onto the next joint meeting',
      handler: 'services/coordination/handlers/schedule.ts',
    },
    {
      name: 'rankings-close',
      // A month closes three days after it ends (China time); an hourly check records it within the hour.
      rateMinutes: 60,
      description: 'Records a month of the rankings closed once its grace has run out: from then on its figures are frozen',
      handler: 'services/coordination/handlers/rankings-close.ts',
    },
    {
      name: 'open-data',
      rateMinutes: 24 * 60,
      description: 'Publishes the monthly rankings, the access lists and what each street holds as open data (CSV, JSON, data dictionaries) and rewrites the index',
      handler: 'services/coordination/handlers/open-data.ts',
    },
  ],
};

import type { ServiceDefinition } from '../../kernel/service.ts';
import { consumers } from './consumers.ts';
import { routes } from './routes.ts';
import { mailSettings } from './settings.ts';

export const notifications: ServiceDefinition = {
  name: 'notifications',
  routes,
  consumers,
  http: 'services/notifications/handlers/http.ts',
  events: 'services/notifications/handlers/events.ts',
  config: { ...mailSettings },
  schedules: [
    {
      name: 'reminders',
      // The shortest deadline reminded of is a whistle's 30 minutes to report in, reminded 10 before: a tick every 2 minutes.
      rateMinutes: 2,
      description: 'Tells the reminders now due (each once) and sends e-mails left pending by a failed send',
      handler: 'services/notifications/handlers/schedule.ts',
    },
    {
      name: 'daily-digest',
      rateMinutes: 60,
      description: 'From 08:00 China time, one digest e-mail a day to each person who chose it',
      handler: 'services/notifications/handlers/digest.ts',
    },
  ],
  mail: { bounces: 'services/notifications/handlers/bounces.ts' },
};

import type { Subscription } from '../../kernel/service.ts';
import { AppointmentRequested } from '../recruitment/events.ts';

export const subscriptions: Subscription[] = [
  {
    name: 'authority-appointments',
    source: AppointmentRequested.source,
    detailTypes: [AppointmentRequested.detailType],
  },
];

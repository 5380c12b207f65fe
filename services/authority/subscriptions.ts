import type { Subscription } from '../../kernel/service.ts';
import { AppointmentRequested } from '../recruitment/events.ts';
import { DelegationAccepted, DelegationGrantsWritten } from './events.ts';

export const subscriptions: Subscription[] = [
  {
    name: 'authority-appointments',
    source: AppointmentRequested.source,
    detailTypes: [AppointmentRequested.detailType],
  },
  {
    // Its own events: a delegation's grants are written step by step, one delivery per step.
    name: 'authority-delegations',
    source: DelegationAccepted.source,
    detailTypes: [DelegationAccepted.detailType, DelegationGrantsWritten.detailType],
  },
];

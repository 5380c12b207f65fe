import type { Subscription } from '../../kernel/service.ts';
import { AppointmentRequested } from '../../contracts/recruitment.ts';
import { DelegationAccepted, DelegationGrantsWritten } from '../../contracts/authority.ts';

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

import { DelegationAccepted, DelegationGrantsWritten } from '../../contracts/authority.ts';
import { AppointmentRequested } from '../../contracts/recruitment.ts';
import { defineConsumers } from '../../kernel/service.ts';

/** What authority consumes, by queue. The reactions: handlers/events.ts. */
export const consumers = defineConsumers({
  'authority-appointments': [AppointmentRequested],
  // Its own events: a delegation's grants are written step by step, one delivery per step.
  'authority-delegations': [DelegationAccepted, DelegationGrantsWritten],
});

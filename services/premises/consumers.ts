import { VenueRequested } from '../../contracts/coordination.ts';
import { FundingDeclined, FundsAllocated } from '../../contracts/funding.ts';
import { defineConsumers } from '../../kernel/service.ts';

/** What premises consumes, by queue. The reactions: handlers/events.ts. */
export const consumers = defineConsumers({
  'premises-venues': [VenueRequested],
  // Answers to remediation plans' requests for money (funding answers other requests too; they are absorbed).
  'premises-funding': [FundsAllocated, FundingDeclined],
});

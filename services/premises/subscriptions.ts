import type { Subscription } from '../../kernel/service.ts';
import { VenueRequested } from '../../contracts/coordination.ts';
import { FundingDeclined, FundsAllocated } from '../../contracts/funding.ts';

export const subscriptions: Subscription[] = [
  { name: 'premises-venues', source: VenueRequested.source, detailTypes: [VenueRequested.detailType] },
  // Answers to remediation plans' requests for money (funding answers other requests too; they are absorbed).
  { name: 'premises-funding', source: FundsAllocated.source, detailTypes: [FundsAllocated.detailType, FundingDeclined.detailType] },
];

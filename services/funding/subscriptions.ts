import type { Subscription } from '../../kernel/service.ts';
import { FundingRequested } from '../../contracts/coordination.ts';
import { RemediationFundingRequested } from '../../contracts/premises.ts';

/** Requests for money from the other services: each opens a funding request for finance to decide. */
export const subscriptions: Subscription[] = [
  { name: 'funding-meeting-requests', source: FundingRequested.source, detailTypes: [FundingRequested.detailType] },
  { name: 'funding-remediation-requests', source: RemediationFundingRequested.source, detailTypes: [RemediationFundingRequested.detailType] },
];

import type { Subscription } from '../../kernel/service.ts';
import { FundingRequested } from '../coordination/events.ts';
import { RemediationFundingRequested } from '../premises/events.ts';

/** Requests for money from the other services: each opens a funding request for finance to decide. */
export const subscriptions: Subscription[] = [
  { name: 'funding-meeting-requests', source: FundingRequested.source, detailTypes: [FundingRequested.detailType] },
  { name: 'funding-remediation-requests', source: RemediationFundingRequested.source, detailTypes: [RemediationFundingRequested.detailType] },
];

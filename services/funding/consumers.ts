import { FundingRequested } from '../../contracts/coordination.ts';
import { RemediationFundingRequested } from '../../contracts/premises.ts';
import { defineConsumers } from '../../kernel/service.ts';

/**
 * Requests for money from the other services: each opens a funding request for finance to decide.
 * The reactions: handlers/events.ts.
 */
export const consumers = defineConsumers({
  'funding-meeting-requests': [FundingRequested],
  'funding-remediation-requests': [RemediationFundingRequested],
});

import type * as z from 'zod/mini';
import type { Reaction } from '../../../kernel/consumer.ts';
import type { Cause } from '../../../kernel/events.ts';
import type { FundingDeclined, FundsAllocated } from '../../../contracts/funding.ts';
import { recordFundingAnswer, type FundingAnswer } from './remediation.ts';
import type { RemediationStore } from './store.ts';

type Origin = z.output<(typeof FundsAllocated)['data']>['request'];

/** Funding's answers to RemediationFundingRequested, joined to the plans that asked (`request.ref`). */
export class FundingAnswers {
  constructor(private readonly remediations: RemediationStore) {}

  allocated(allocation: z.output<(typeof FundsAllocated)['data']>, cause: Cause): Promise<Reaction> {
    return this.record(allocation.request, { outcome: 'allocated', allocationId: allocation.allocationId, amountFen: allocation.amountFen }, cause);
  }

  declined(decline: z.output<(typeof FundingDeclined)['data']>, cause: Cause): Promise<Reaction> {
    return this.record(decline.request, { outcome: 'declined', reason: decline.reason }, cause);
  }

  private async record(origin: Origin, answer: FundingAnswer, cause: Cause): Promise<Reaction> {
    const none = (note: string): Reaction => ({ writes: [], events: [], note });
    // Funding answers every kind of request on the bus; only the ones premises asked are for it.
    if (origin?.kind !== 'RemediationFundingRequested') return none('not an answer to a remediation plan');
    const remediation = await this.remediations.remediation(origin.ref);
    if (!remediation) return none(`no remediation plan ${origin.ref}; answer not recorded`);
    const change = recordFundingAnswer(remediation, answer, cause);
    if (!change) return none(`remediation ${origin.ref} was already settled; ${answer.outcome} ignored`);
    return this.remediations.remediationCommit(change);
  }
}

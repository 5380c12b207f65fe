import { describe, expect, it } from 'vitest';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { DEFAULT_RULES } from '../standard/domain.ts';
import { causeAt, site } from '../testing.ts';
import { planRemediation, recordFundingAnswer } from './remediation.ts';
import { evaluate } from './rules.ts';

const at = causeAt('2026-11-27T02:00:00.000Z');
const facts = (households: number) => ({ community: 'D01/S03/C07', street: 'D01/S03', households, sites: [site({ areaDm2: 60_000, residentActivityAreaDm2: 40_000 })] });
const failing = evaluate(facts(2100), DEFAULT_RULES, '2026-11-27');

describe('remediation plans', () => {
  it('a failing community’s plan asking for money emits RemediationPlanned and RemediationFundingRequested with the shortfall', () => {
    const change = planRemediation(failing, { plan: 'Rent the floor above.', dueBy: '2027-06-30', amountFen: 50_000_000, purpose: 'Rent' }, 'R-1', at);
    expect(change.events.map((e) => e.detailType)).toEqual(['RemediationPlanned', 'RemediationFundingRequested']);
    expect(change.events[1]!.detail.data).toEqual({ remediationId: 'R-1', community: 'D01/S03/C07', street: 'D01/S03', shortfallM2: 30, amountFen: 50_000_000, purpose: 'Rent' });
    expect(change.remediation.status).toBe('funding-requested');
  });

  it('without money it is only planned; a compliant community, or a due date not after today, is refused', () => {
    expect(planRemediation(failing, { plan: 'Move.', dueBy: '2027-06-30' }, 'R-2', at).events.map((e) => e.detailType)).toEqual(['RemediationPlanned']);
    expect(() => planRemediation(evaluate(facts(2000), DEFAULT_RULES, '2026-11-27'), { plan: 'x', dueBy: '2027-06-30' }, 'R', at)).toThrow(ConflictError);
    expect(() => planRemediation(failing, { plan: 'x', dueBy: '2026-11-27' }, 'R', at)).toThrow(UnprocessableError);
  });

  it('allocations add up; a decline after an allocation changes nothing', () => {
    const asked = planRemediation(failing, { plan: 'p', dueBy: '2027-06-30', amountFen: 100 }, 'R-3', at).remediation;
    const part = recordFundingAnswer(asked, { outcome: 'allocated', allocationId: 'A-1', amountFen: 60 }, at)!.remediation;
    const rest = recordFundingAnswer(part, { outcome: 'allocated', allocationId: 'A-2', amountFen: 40 }, at)!.remediation;
    expect(rest).toMatchObject({ status: 'funded', allocatedFen: 100, version: 3 });
    expect(recordFundingAnswer(rest, { outcome: 'declined', reason: 'no money left' }, at)).toBeUndefined();
    expect(recordFundingAnswer(asked, { outcome: 'declined', reason: 'no money left' }, at)!.remediation).toMatchObject({ status: 'funding-declined', declinedReason: 'no money left' });
  });
});

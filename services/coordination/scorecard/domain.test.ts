import { describe, expect, it } from 'vitest';
import type { Metadata } from '../../../kernel/events.ts';
import { mergeRegister, scorecardParts, scorecardView, type RegisterValue } from './domain.ts';

const meta = (eventId: string, occurredAt = '2026-01-01T00:00:00.000Z'): Metadata => ({
  eventId,
  occurredAt,
  schemaVersion: 1,
  correlationId: 'c',
  actor: { sub: 's', roles: [] },
});

/** Merges updates one by one from nothing, summing the figure deltas, as the store does. */
function fold(updates: ReturnType<typeof scorecardParts>[number]['registers']) {
  let value: RegisterValue | undefined;
  const figures: Record<string, number> = {};
  for (const update of updates) {
    const merged = mergeRegister(update, value);
    if (!merged) continue;
    value = merged.value;
    for (const [k, d] of Object.entries(merged.delta)) figures[k] = (figures[k] ?? 0) + d;
  }
  return figures;
}

describe('registers', () => {
  const assessed = (compliant: boolean, assessedAt: string, id: string) =>
    scorecardParts('ComplianceAssessed', { community: 'D01/S03/C07', street: 'D01/S03', compliant, assessedAt }, meta(id))[0]!.registers[0]!;

  it("a community's latest assessment stands, whichever arrives first", () => {
    const older = assessed(false, '2026-01-01T00:00:00.000Z', 'a');
    const newer = assessed(true, '2026-02-01T00:00:00.000Z', 'b');
    expect(fold([older, newer])).toEqual({ communitiesAssessed: 1, communitiesCompliant: 1 });
    expect(fold([newer, older])).toEqual({ communitiesAssessed: 1, communitiesCompliant: 1 });
    expect(fold([newer, older, newer])).toEqual({ communitiesAssessed: 1, communitiesCompliant: 1 });
  });

  it('a delegation revoked holds nothing, also when the revocation arrives first', () => {
    const data = { delegationId: 'dg1', codes: ['A', 'B', 'B'], streets: ['D01/S03'] };
    const delegated = scorecardParts('PowersDelegated', data, meta('d'))[0]!.registers[0]!;
    const revoked = scorecardParts('DelegationRevoked', data, meta('r'))[0]!.registers[0]!;
    expect(fold([delegated])).toEqual({ powersHeld: 2 });
    expect(fold([delegated, revoked]).powersHeld).toBe(0);
    expect(fold([revoked, delegated]).powersHeld ?? 0).toBe(0);
  });
});

describe('the view', () => {
  it('works out the rates, and says null where there is nothing to divide by', () => {
    const view = scorecardView('D01/S03', { posts: 4, hired: 3, communitiesAssessed: 4, communitiesCompliant: 3, ratings: 2, ratingSum: 9, changedAt: 'x' });
    expect(view.staffing).toMatchObject({ vacancies: 1, vacancyRate: 0.25 });
    expect(view.place.complianceRate).toBe(0.75);
    expect(view.coordination).toMatchObject({ averageRating: 4.5, onTimeRate: null });
    expect(scorecardView('D01/S04', undefined).changedAt).toBeNull();
  });
});

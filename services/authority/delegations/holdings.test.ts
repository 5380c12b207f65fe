import { describe, expect, it } from 'vitest';
import type { DelegationTerm, Grant } from './domain.ts';
import { powersHeldOn } from './holdings.ts';

const grant = (delegationId: string, effectiveOn: string, codes: string[]): Grant => ({
  street: 'D01/S03',
  delegationId,
  decisionRef: `ref-${delegationId}`,
  effectiveOn,
  part: 0,
  codes,
});

const term = (delegationId: string, effectiveOn: string, status: DelegationTerm['status'], revokedFrom?: string): DelegationTerm => ({
  delegationId,
  decisionRef: `ref-${delegationId}`,
  effectiveOn,
  status,
  ...(revokedFrom ? { revokedFrom } : {}),
  version: 2,
});

const termsOf = (...list: DelegationTerm[]) => new Map(list.map((t) => [t.delegationId, t]));
const codesHeld = (on: string, grants: Grant[], terms: Map<string, DelegationTerm>) => powersHeldOn(on, grants, terms).map((p) => p.code);

describe('what a street holds on a date', () => {
  const grants = [grant('A', '2025-07-01', ['CM-2', 'CM-1'])];
  const revoked = termsOf(term('A', '2025-07-01', 'revoked', '2025-10-01'));

  it('nothing the day before the delegation takes effect', () => {
    expect(codesHeld('2025-06-30', grants, revoked)).toEqual([]);
  });

  it('its powers, by code, on the day it takes effect', () => {
    expect(codesHeld('2025-07-01', grants, revoked)).toEqual(['CM-1', 'CM-2']);
  });

  it('its powers the day before the revocation', () => {
    expect(codesHeld('2025-09-30', grants, revoked)).toEqual(['CM-1', 'CM-2']);
  });

  it('nothing on and after the revocation date', () => {
    expect(codesHeld('2025-10-01', grants, revoked)).toEqual([]);
    expect(codesHeld('2026-01-01', grants, revoked)).toEqual([]);
  });

  it('nothing from a delegation still being granted, nor from one whose term is missing', () => {
    expect(codesHeld('2025-08-01', grants, termsOf(term('A', '2025-07-01', 'granting')))).toEqual([]);
    expect(codesHeld('2025-08-01', grants, termsOf())).toEqual([]);
  });

  it('a power held under two decisions is listed once, with both', () => {
    const both = [grant('A', '2025-07-01', ['CM-1']), grant('B', '2025-08-01', ['CM-1'])];
    const held = powersHeldOn('2025-09-01', both, termsOf(term('A', '2025-07-01', 'in-force'), term('B', '2025-08-01', 'in-force')));

    expect(held).toEqual([
      {
        code: 'CM-1',
        since: '2025-07-01',
        heldUnder: [
          { delegationId: 'A', decisionRef: 'ref-A', effectiveOn: '2025-07-01' },
          { delegationId: 'B', decisionRef: 'ref-B', effectiveOn: '2025-08-01' },
        ],
      },
    ]);
  });

  it('since when: a new delegation starting the day the old one is revoked continues the holding', () => {
    const chain = [grant('A', '2025-01-01', ['CM-1']), grant('B', '2025-07-01', ['CM-1'])];
    const terms = termsOf(term('A', '2025-01-01', 'revoked', '2025-07-01'), term('B', '2025-07-01', 'in-force'));

    expect(powersHeldOn('2025-08-01', chain, terms)[0]).toMatchObject({ since: '2025-01-01', heldUnder: [{ delegationId: 'B' }] });
  });

  it('since when: after a gap, the holding starts again with the later delegation', () => {
    const gap = [grant('A', '2025-01-01', ['CM-1']), grant('B', '2025-07-02', ['CM-1'])];
    const terms = termsOf(term('A', '2025-01-01', 'revoked', '2025-07-01'), term('B', '2025-07-02', 'in-force'));

    expect(codesHeld('2025-07-01', gap, terms)).toEqual([]);
    expect(powersHeldOn('2025-07-02', gap, terms)[0]!.since).toBe('2025-07-02');
  });

  it('a delegation cancelled on its effective date never granted anything', () => {
    const cancelled = termsOf(term('A', '2025-07-01', 'revoked', '2025-07-01'));

    expect(codesHeld('2025-07-01', grants, cancelled)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import { keys } from '../keys.ts';
import {
  confirmDelegation,
  grantsOf,
  GRANT_PART_CODES,
  resumeDelegation,
  revokeDelegation,
  startDelegation,
  termOf,
  type Delegation,
} from './domain.ts';

const admin = (now = '2025-06-20T02:00:00.000Z'): Cause => ({
  correlationId: 'corr-delegation',
  now,
  actor: { sub: 'district-office-1', roles: ['district-admin'], jurisdiction: 'D01' },
});

const codes = (n: number) => Array.from({ length: n }, (_, i) => `CM-${String(i).padStart(4, '0')}`);
const streets = (n: number, district = 'D01') => Array.from({ length: n }, (_, i) => `${district}/S${String(i).padStart(2, '0')}`);

const terms = {
  decisionRef: 'D01-GOV-2025-12',
  effectiveOn: '2025-07-01',
  codes: ['CM-0002', 'CM-0001', 'CM-0002'],
  streets: ['D01/S04', 'D01/S03'],
};
const catalogued = new Set(codes(1000));

const recording = (): Delegation => startDelegation('01JDELEGATION0000000000001', terms, catalogued, admin());
const inForce = () => confirmDelegation(recording(), admin('2025-06-20T02:00:01.000Z')).delegation;

describe('starting a delegation', () => {
  it('records it as recording, with its codes and streets once each and sorted, in its district', () => {
    expect(recording()).toEqual({
      id: '01JDELEGATION0000000000001',
      decisionRef: 'D01-GOV-2025-12',
      district: 'D01',
      effectiveOn: '2025-07-01',
      codes: ['CM-0001', 'CM-0002'],
      streets: ['D01/S03', 'D01/S04'],
      status: 'recording',
      recordedAt: '2025-06-20T02:00:00.000Z',
      recordedBy: 'district-office-1',
      version: 1,
    });
  });

  it('codes that are not in the catalog are 422, each named', () => {
    const attempt = () => startDelegation('01JD', { ...terms, codes: ['CM-0001', 'XX-1', 'XX-2'] }, catalogued, admin());

    expect(attempt).toThrow(UnprocessableError);
    expect(attempt).toThrow(/2 code\(s\) are not in the power catalog: XX-1, XX-2/);
    try {
      attempt();
    } catch (error) {
      expect((error as UnprocessableError).fields).toEqual([
        { field: 'body.codes', message: 'unknown power code XX-1' },
        { field: 'body.codes', message: 'unknown power code XX-2' },
      ]);
    }
  });

  it('streets of two districts are one decision too many: 400 on body.streets', () => {
    const attempt = () => startDelegation('01JD', { ...terms, streets: ['D01/S03', 'D02/S01'] }, catalogued, admin());

    expect(attempt).toThrow(BadRequestError);
    expect(attempt).toThrow('A delegation is decided by one district; these streets are in D01, D02.');
  });
});

describe('resubmitting the same decision', () => {
  it('while it is still recording, resumes the same delegation', () => {
    const first = recording();

    expect(resumeDelegation(first, { ...terms, codes: ['CM-0001', 'CM-0002'] })).toBe(first);
  });

  it('with other codes, streets or date is 409', () => {
    expect(() => resumeDelegation(recording(), { ...terms, codes: ['CM-0001'] })).toThrow(ConflictError);
    expect(() => resumeDelegation(recording(), { ...terms, streets: ['D01/S03'] })).toThrow(ConflictError);
    expect(() => resumeDelegation(recording(), { ...terms, effectiveOn: '2025-07-02' })).toThrow(ConflictError);
  });

  it('once it is in force, is 409 naming the delegation', () => {
    expect(() => resumeDelegation(inForce(), terms)).toThrow(
      'Decision D01-GOV-2025-12 was already delegated (delegation 01JDELEGATION0000000000001).',
    );
  });
});

describe('the grant items of a delegation', () => {
  it(`split each street's codes into parts of ${GRANT_PART_CODES}: 500 codes to 100 streets are 500 items`, () => {
    const delegation = startDelegation('01JBIG', { ...terms, codes: codes(500), streets: streets(100) }, catalogued, admin());

    const grants = grantsOf(delegation);

    expect(grants).toHaveLength(500);
    expect(grants.every((g) => g.codes.length === GRANT_PART_CODES)).toBe(true);
    expect(new Set(grants.flatMap((g) => g.codes.map((c) => `${g.street} ${c}`))).size).toBe(50_000);
  });

  it('have keys that follow from the delegation alone: computing them twice gives the same keys', () => {
    const delegation = startDelegation('01JBIG', { ...terms, codes: codes(250), streets: streets(3) }, catalogued, admin());
    const keyOf = (g: ReturnType<typeof grantsOf>[number]) => {
      const key = keys.grant(g.street, g.effectiveOn, g.delegationId, g.part);
      return `${key.pk} ${key.sk}`;
    };

    const once = grantsOf(delegation).map(keyOf);
    const again = grantsOf(structuredClone(delegation)).map(keyOf);

    expect(again).toEqual(once);
    expect(new Set(once).size).toBe(9);
    expect(grantsOf(delegation).map((g) => g.codes.length)).toEqual([100, 100, 50, 100, 100, 50, 100, 100, 50]);
  });
});

describe('confirming a delegation', () => {
  it('puts it in force and emits PowersDelegated with the two sets, not the pairs', () => {
    const { delegation, events } = confirmDelegation(recording(), admin('2025-06-20T02:00:01.000Z'));

    expect(delegation).toMatchObject({ status: 'in-force', confirmedAt: '2025-06-20T02:00:01.000Z', version: 2 });
    expect(events.map((e) => e.detailType)).toEqual(['PowersDelegated']);
    expect(events[0]!.detail.data).toEqual({
      delegationId: '01JDELEGATION0000000000001',
      decisionRef: 'D01-GOV-2025-12',
      district: 'D01',
      effectiveOn: '2025-07-01',
      codes: ['CM-0001', 'CM-0002'],
      streets: ['D01/S03', 'D01/S04'],
      grants: 4,
    });
  });

  it('of 1,000 codes of 40 characters to 100 streets, the event stays under 64 KB (EventBridge takes 256 KB)', () => {
    const longCodes = Array.from({ length: 1000 }, (_, i) => `CM-${String(i).padStart(37, '0')}`);
    const big = startDelegation('01JBIG', { ...terms, codes: longCodes, streets: streets(100) }, new Set(longCodes), admin());

    const { events } = confirmDelegation(big, admin());

    expect(Buffer.byteLength(JSON.stringify(events[0]!.detail))).toBeLessThan(64 * 1024);
  });

  it('a delegation already confirmed cannot be confirmed again (409)', () => {
    expect(() => confirmDelegation(inForce(), admin())).toThrow(ConflictError);
  });
});

describe('revoking a delegation', () => {
  const revoke = (delegation: Delegation, from: string) =>
    revokeDelegation(delegation, { from, reason: 'The street lacks inspectors.' }, admin('2025-09-01T02:00:00.000Z'));

  it('records the date from which the streets no longer hold its powers, and the reason', () => {
    const { delegation, events } = revoke(inForce(), '2025-10-01');

    expect(delegation).toMatchObject({
      status: 'revoked',
      revokedFrom: '2025-10-01',
      revocationReason: 'The street lacks inspectors.',
      revokedBy: 'district-office-1',
      version: 3,
    });
    expect(events[0]).toMatchObject({ detailType: 'DelegationRevoked', detail: { data: { revokedFrom: '2025-10-01' } } });
    expect(termOf(delegation)).toEqual({
      delegationId: '01JDELEGATION0000000000001',
      decisionRef: 'D01-GOV-2025-12',
      effectiveOn: '2025-07-01',
      status: 'revoked',
      revokedFrom: '2025-10-01',
      version: 3,
    });
  });

  it('from the effective date itself cancels it before it applied', () => {
    expect(revoke(inForce(), '2025-07-01').delegation.revokedFrom).toBe('2025-07-01');
  });

  it('from before the effective date is 422 on body.from', () => {
    expect(() => revoke(inForce(), '2025-06-30')).toThrow(UnprocessableError);
  });

  it('a second revocation is 409', () => {
    const { delegation } = revoke(inForce(), '2025-10-01');

    expect(() => revoke(delegation, '2025-11-01')).toThrow('was already revoked from 2025-10-01');
  });

  it('a delegation still recording cannot be revoked (409)', () => {
    expect(() => revoke(recording(), '2025-10-01')).toThrow(ConflictError);
  });
});

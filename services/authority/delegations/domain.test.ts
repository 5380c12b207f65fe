import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import { keys } from '../keys.ts';
import {
  acceptDelegation,
  grantsOf,
  grantStep,
  GRANT_PART_CODES,
  GRANTS_PER_STEP,
  refuseResubmission,
  revokeDelegation,
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

const accept = (id: string, overrides: Partial<typeof terms> = {}) => acceptDelegation(id, { ...terms, ...overrides }, catalogued, admin());
const granting = (): Delegation => accept('01JDELEGATION0000000000001').delegation;
/** Every step of granting, in order, until the delegation is no longer granting. */
function granted(delegation: Delegation, now = '2025-06-20T02:00:01.000Z') {
  const steps = [];
  let current = delegation;
  for (;;) {
    const step = grantStep(current, admin(now));
    if ('ignored' in step) return { delegation: current, steps };
    steps.push(step);
    current = step.delegation;
  }
}
const inForce = () => granted(granting()).delegation;

describe('accepting a delegation', () => {
  it('records it as granting, with its codes and streets once each and sorted, in its district, nothing granted yet', () => {
    expect(granting()).toEqual({
      id: '01JDELEGATION0000000000001',
      decisionRef: 'D01-GOV-2025-12',
      district: 'D01',
      effectiveOn: '2025-07-01',
      codes: ['CM-0001', 'CM-0002'],
      streets: ['D01/S03', 'D01/S04'],
      status: 'granting',
      grants: { pairs: 4, items: 2, written: 0 },
      recordedAt: '2025-06-20T02:00:00.000Z',
      recordedBy: 'district-office-1',
      version: 1,
    });
  });

  it('emits DelegationAccepted, the work order of authority’s own consumer', () => {
    const { events } = accept('01JDELEGATION0000000000001');

    expect(events.map((e) => e.detailType)).toEqual(['DelegationAccepted']);
    expect(events[0]!.detail.data).toEqual({
      delegationId: '01JDELEGATION0000000000001',
      decisionRef: 'D01-GOV-2025-12',
      district: 'D01',
      effectiveOn: '2025-07-01',
      grants: 4,
      grantItems: 2,
    });
  });

  it('codes that are not in the catalog are 422, each named', () => {
    const attempt = () => accept('01JD', { codes: ['CM-0001', 'XX-1', 'XX-2'] });

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
    const attempt = () => accept('01JD', { streets: ['D01/S03', 'D02/S01'] });

    expect(attempt).toThrow(BadRequestError);
    expect(attempt).toThrow('A delegation is decided by one district; these streets are in D01, D02.');
  });
});

describe('resubmitting the same decision', () => {
  it('while it is being granted, is 409 naming the delegation', () => {
    expect(() => refuseResubmission(granting())).toThrow(
      'Decision D01-GOV-2025-12 is already being granted (delegation 01JDELEGATION0000000000001).',
    );
  });

  it('once it is in force, is 409 naming the delegation', () => {
    expect(() => refuseResubmission(inForce())).toThrow(ConflictError);
    expect(() => refuseResubmission(inForce())).toThrow(
      'Decision D01-GOV-2025-12 was already delegated (delegation 01JDELEGATION0000000000001).',
    );
  });
});

describe('the grant items of a delegation', () => {
  it(`split each street's codes into parts of ${GRANT_PART_CODES}: 500 codes to 100 streets are 500 items`, () => {
    const delegation = accept('01JBIG', { codes: codes(500), streets: streets(100) }).delegation;

    const grants = grantsOf(delegation);

    expect(grants).toHaveLength(500);
    expect(grants.every((g) => g.codes.length === GRANT_PART_CODES)).toBe(true);
    expect(new Set(grants.flatMap((g) => g.codes.map((c) => `${g.street} ${c}`))).size).toBe(50_000);
  });

  it('have keys that follow from the delegation alone: computing them twice gives the same keys', () => {
    const delegation = accept('01JBIG', { codes: codes(250), streets: streets(3) }).delegation;
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

describe('granting a delegation, step by step', () => {
  it(`each step writes at most ${GRANTS_PER_STEP} grant items: 500 items take 6 steps, each after the last`, () => {
    const { steps } = granted(accept('01JBIG', { codes: codes(500), streets: streets(100) }).delegation);

    expect(steps.map((s) => s.grants.length)).toEqual([96, 96, 96, 96, 96, 20]);
    expect(steps.map((s) => s.delegation.grants.written)).toEqual([96, 192, 288, 384, 480, 500]);
    const keysWritten = steps.flatMap((s) => s.grants.map((g) => `${g.street} ${g.part}`));
    expect(new Set(keysWritten).size).toBe(500);
  });

  it('a step before the last carries the work on with DelegationGrantsWritten; the delegation stays granting', () => {
    const { steps } = granted(accept('01JBIG', { codes: codes(200), streets: streets(50) }).delegation);
    const [first] = steps;

    expect(first!.delegation).toMatchObject({ status: 'granting', grants: { pairs: 10_000, items: 100, written: 96 }, version: 2 });
    expect(first!.events.map((e) => e.detailType)).toEqual(['DelegationGrantsWritten']);
    expect(first!.events[0]!.detail.data).toEqual({ delegationId: '01JBIG', district: 'D01', written: 96, grantItems: 100 });
  });

  it('the last step puts it in force and emits PowersDelegated with the two sets, not the pairs', () => {
    const { delegation, steps } = granted(granting());

    expect(delegation).toMatchObject({ status: 'in-force', confirmedAt: '2025-06-20T02:00:01.000Z', grants: { written: 2 }, version: 2 });
    expect(steps.flatMap((s) => s.events.map((e) => e.detailType))).toEqual(['PowersDelegated']);
    expect(steps[0]!.events[0]!.detail.data).toEqual({
      delegationId: '01JDELEGATION0000000000001',
      decisionRef: 'D01-GOV-2025-12',
      district: 'D01',
      effectiveOn: '2025-07-01',
      codes: ['CM-0001', 'CM-0002'],
      streets: ['D01/S03', 'D01/S04'],
      grants: 4,
    });
  });

  it('of 1,000 codes of 40 characters to 100 streets, PowersDelegated stays under 64 KB (EventBridge takes 256 KB)', () => {
    const longCodes = Array.from({ length: 1000 }, (_, i) => `CM-${String(i).padStart(37, '0')}`);
    const big = acceptDelegation('01JBIG', { ...terms, codes: longCodes, streets: streets(100) }, new Set(longCodes), admin()).delegation;

    const { steps } = granted(big);

    expect(steps.at(-1)!.events[0]!.detailType).toBe('PowersDelegated');
    expect(Buffer.byteLength(JSON.stringify(steps.at(-1)!.events[0]!.detail))).toBeLessThan(64 * 1024);
  });

  it('a delegation no longer granting takes no step', () => {
    expect(grantStep(inForce(), admin())).toEqual({ ignored: 'delegation 01JDELEGATION0000000000001 is already in-force' });
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

  it('a delegation still being granted cannot be revoked (409)', () => {
    expect(() => revoke(granting(), '2025-10-01')).toThrow(ConflictError);
  });
});

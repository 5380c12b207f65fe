import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoClock, DemoRefused, fillDemoDistrict, type DemoSummary } from '../infra/local/demo-district.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';

/**
 * `npm start -- --demo`'s fill (infra/local/demo-district.ts) against the test runtime: the same
 * gateway, relay and bus, its clock started 40 days back and moved forward by the fill. The counts
 * are read back from the API; a second fill on the same data is refused and adds nothing.
 */
let t: TestCloud;
let clock: DemoClock;
let summary: DemoSummary;

beforeAll(async () => {
  clock = new DemoClock();
  t = await startTestCloud({ clock: clock.now, scheduleTimers: false });
  summary = await fillDemoDistrict({
    base: t.cloud.url,
    sign: (claims) => t.token(claims),
    clock,
    runSchedule: (name, options) => t.cloud.runSchedule(name, options),
  });
}, 600_000);
afterAll(() => t?.stop());

describe('the demo district', () => {
  it('ends on the machine’s time', () => {
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('has positions and applications in every state', () => {
    expect(summary.positions).toEqual({ draft: 2, published: 2, filled: 1 });
    expect(summary.applications).toEqual({ hired: 3, 'not-selected': 2, ineligible: 4, eligible: 4 });
  });

  it('has a roster with secondments, one flagged and one recalled', () => {
    expect(summary.staff).toBe(3);
    expect(summary.secondments).toEqual({ active: 1, flagged: 1, ended: 1 });
  });

  it('has whistles in every state, some overdue and escalated', () => {
    // One resolved and rated; one resolved by one of its two departments only, so still acknowledged.
    expect(summary.issues).toMatchObject({ resolved: 1 });
    expect(summary.issues['open-overdue']).toBeGreaterThanOrEqual(1);
    expect(summary.issues['acknowledged-overdue']).toBeGreaterThanOrEqual(1);
    expect((summary.issues.open ?? 0) + (summary.issues.acknowledged ?? 0)).toBeGreaterThanOrEqual(3);
    expect(summary.escalated).toBeGreaterThanOrEqual(2);
  });

  it('has consent cases decided and pending', () => {
    // A case's 15 working days run from when authority opened it (its consumer's time), so none is past due yet.
    expect(summary.consents).toEqual({ granted: 1, pending: 2 });
  });

  it('has stationed staff for the street committee to assess, one waiting for its department, one complete', () => {
    expect(summary.assessments).toEqual({ 'awaiting-street': 3, 'awaiting-department': 1, complete: 1 });
  });

  it('has communities failing the standard and meeting it', () => {
    expect(summary.communities).toEqual({ failing: 3, compliant: 9 });
  });

  it('has powers in force and a revoked delegation', () => {
    expect(summary.delegations).toEqual({ 'in-force': 2, revoked: 1 });
  });

  it('has money asked, given and refused', () => {
    expect(summary.fundingRequests).toEqual({ open: 2, approved: 1, declined: 1 });
    expect(summary.projects).toEqual({ delegated: 1, approved: 1, proposed: 1 });
  });

  it('refuses a second fill and adds nothing', async () => {
    const before = await t.count('recruitment');
    await expect(
      fillDemoDistrict({ base: t.cloud.url, sign: (claims) => t.token(claims), clock: new DemoClock(0), runSchedule: (name, o) => t.cloud.runSchedule(name, o) }),
    ).rejects.toBeInstanceOf(DemoRefused);
    expect(await t.count('recruitment')).toBe(before);
  });
});

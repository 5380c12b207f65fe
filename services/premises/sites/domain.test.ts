import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError } from '../../../kernel/errors.ts';
import { DEFAULT_RULES } from '../standard/domain.ts';
import { causeAt } from '../testing.ts';
import { changeSite, recordHouseholds, registerSite, type SiteInput } from './domain.ts';

const C07 = 'D01/S03/C07';
const at = causeAt('2026-11-27T02:00:00.000Z');
const complex: SiteInput = { address: '1 Harmony Road', areaM2: 600, residentActivityAreaM2: 400, tenure: 'owned', uses: ['office', 'service'] };
const types = (events: { detailType: string }[]) => events.map((e) => e.detailType);

describe('the register and ComplianceAssessed', () => {
  it('a site alone assesses nothing (households unknown); households then give the first assessment', () => {
    const registered = registerSite(undefined, C07, 'SITE-1', complex, DEFAULT_RULES, at);
    const counted = recordHouseholds(registered.premises, C07, 2000, DEFAULT_RULES, at);

    expect(types(registered.events)).toEqual(['SiteRegistered']);
    expect(registered.premises).toMatchObject({ status: 'unassessed', version: 1, street: 'D01/S03', district: 'D01' });
    expect(types(counted.events)).toEqual(['HouseholdsRecorded', 'ComplianceAssessed']);
    expect(counted.events[1]!.detail.data).toMatchObject({ compliant: true, totalAreaM2: 600, requiredAreaM2: 600, shortfallM2: 0, households: 2000 });
    expect(counted.premises).toMatchObject({ status: 'compliant', version: 2, assessedAt: at.now });
  });

  it('an edit that keeps the result emits no ComplianceAssessed; one that flips it does, both ways', () => {
    const base = recordHouseholds(registerSite(undefined, C07, 'SITE-1', complex, DEFAULT_RULES, at).premises, C07, 2000, DEFAULT_RULES, at);
    const same = recordHouseholds(base.premises, C07, 1999, DEFAULT_RULES, at);
    const failing = recordHouseholds(same.premises, C07, 2001, DEFAULT_RULES, at);
    const stillFailing = recordHouseholds(failing.premises, C07, 2500, DEFAULT_RULES, at);
    const back = changeSite(stillFailing.premises, 'SITE-1', { version: 1, areaM2: 750, residentActivityAreaM2: 450 }, DEFAULT_RULES, at);

    expect(types(same.events)).toEqual(['HouseholdsRecorded']);
    expect(types(failing.events)).toEqual(['HouseholdsRecorded', 'ComplianceAssessed']);
    expect(failing.events[1]!.detail.data).toMatchObject({ compliant: false, failing: ['area-per-households'], shortfallM2: 0.3 });
    expect(types(stillFailing.events)).toEqual(['HouseholdsRecorded']);
    expect(types(back.events)).toEqual(['SiteChanged', 'ComplianceAssessed']);
    expect(back.events[1]!.detail.data).toMatchObject({ compliant: true });
  });

  it('a stale site version is 409', () => {
    const registered = registerSite(undefined, C07, 'SITE-1', complex, DEFAULT_RULES, at);
    const changed = changeSite(registered.premises, 'SITE-1', { version: 1, address: '2 Harmony Road' }, DEFAULT_RULES, at);
    expect(() => changeSite(changed.premises, 'SITE-1', { version: 1, address: '3 Harmony Road' }, DEFAULT_RULES, at)).toThrow(ConflictError);
  });

  it('a rented site needs a lease, others may not have one, and resident area stays within the area', () => {
    const lease = { startsOn: '2025-01-01', endsOn: '2027-01-01', annualRentFen: 6_000_000, landlord: 'Property Co.' };
    expect(() => registerSite(undefined, C07, 'S', { ...complex, tenure: 'rented' }, DEFAULT_RULES, at)).toThrow(BadRequestError);
    expect(() => registerSite(undefined, C07, 'S', { ...complex, lease }, DEFAULT_RULES, at)).toThrow(BadRequestError);
    expect(() => registerSite(undefined, C07, 'S', { ...complex, residentActivityAreaM2: 600.01 }, DEFAULT_RULES, at)).toThrow(BadRequestError);
    const rented = registerSite(undefined, C07, 'S', { ...complex, tenure: 'rented', lease }, DEFAULT_RULES, at);
    // Becoming owned drops the lease.
    const bought = changeSite(rented.premises, 'S', { version: 1, tenure: 'owned' }, DEFAULT_RULES, at);
    expect(bought.premises.sites[0]!.lease).toBeUndefined();
  });

  it('areas are kept in whole dm²: 123.45 m² is 12345 dm²', () => {
    const registered = registerSite(undefined, C07, 'S', { ...complex, areaM2: 123.45, residentActivityAreaM2: 0.07 }, DEFAULT_RULES, at);
    expect(registered.premises.sites[0]).toMatchObject({ areaDm2: 12_345, residentActivityAreaDm2: 7 });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../standard/domain.ts';
import { site } from '../testing.ts';
import { evaluate, longTermReason } from './rules.ts';

const facts = (households: number | undefined, sites = [site()]) => ({
  community: 'D01/S03/C07',
  street: 'D01/S03',
  ...(households === undefined ? {} : { households }),
  sites,
});
const today = '2026-11-27';
const rule = (c: ReturnType<typeof evaluate>, name: string) => c.rules.find((r) => r.rule === name)!;

describe('area per households (30 m² per 100 households)', () => {
  it('exactly 30 m² per 100 households passes; one m² less fails, with a 1 m² shortfall', () => {
    // 2,000 households need 600 m²; one site of exactly that also meets the 600 m² complex rule.
    const exact = evaluate(facts(2000, [site({ areaDm2: 60_000, residentActivityAreaDm2: 36_000 })]), DEFAULT_RULES, today);
    const less = evaluate(facts(2000, [site({ areaDm2: 59_900, residentActivityAreaDm2: 36_000 })]), DEFAULT_RULES, today);

    expect(rule(exact, 'area-per-households')).toMatchObject({ pass: true, figures: { requiredAreaM2: 600, shortfallM2: 0 } });
    expect(exact.compliant).toBe(true);
    expect(rule(less, 'area-per-households')).toMatchObject({ pass: false, figures: { requiredAreaM2: 600, shortfallM2: 1 } });
    expect(less.failing).toContain('area-per-households');
  });

  it('is exact to 0.01 m²: 3,333 households need 999.90 m²; 999.89 fails by 0.01 m²', () => {
    const at = (dm2: number) => rule(evaluate(facts(3333, [site({ areaDm2: dm2, residentActivityAreaDm2: 0 })]), DEFAULT_RULES, today), 'area-per-households');

    expect(at(99_990)).toMatchObject({ pass: true, figures: { requiredAreaM2: 999.9 } });
    expect(at(99_989)).toMatchObject({ pass: false, figures: { shortfallM2: 0.01 } });
  });

  it('a required area that is not a whole dm² is rounded up (1 household at 30 m²/100 needs 0.30 m²; 7 households at 33.33 m²/100 need 2.34 m²)', () => {
    const odd = { ...DEFAULT_RULES, areaPer100HouseholdsDm2: 3333 };
    expect(evaluate(facts(7, [site({ areaDm2: 234 })]), odd, today).requiredAreaDm2).toBe(234);
    expect(rule(evaluate(facts(7, [site({ areaDm2: 233 })]), odd, today), 'area-per-households').pass).toBe(false);
  });

  it('sums every site, and the figures change with households', () => {
    const sites = [site({ areaDm2: 40_000 }), site({ areaDm2: 30_000 })];
    expect(evaluate(facts(2000, sites), DEFAULT_RULES, today).totalAreaDm2).toBe(70_000);
    expect(rule(evaluate(facts(2333, sites), DEFAULT_RULES, today), 'area-per-households').pass).toBe(true);
    expect(rule(evaluate(facts(2334, sites), DEFAULT_RULES, today), 'area-per-households').pass).toBe(false);
  });

  it('without households a community is not assessed: the area rule is open, compliant is null', () => {
    const c = evaluate(facts(undefined), DEFAULT_RULES, today);
    expect(c.compliant).toBeNull();
    expect(rule(c, 'area-per-households').pass).toBeNull();
  });
});

describe('the other rules', () => {
  it('60 % for residents’ activities: 600 of 1000 m² passes, 599.99 fails', () => {
    const share = (resident: number) =>
      rule(evaluate(facts(100, [site({ areaDm2: 100_000, residentActivityAreaDm2: resident })]), DEFAULT_RULES, today), 'resident-activity-share');
    expect(share(60_000)).toMatchObject({ pass: true, figures: { sharePercent: 60 } });
    expect(share(59_999)).toMatchObject({ pass: false, figures: { sharePercent: 59.99 } });
  });

  it('the service complex is the largest site: 600 m² passes, 599.99 fails, however much the others add', () => {
    const complex = (dm2: number) =>
      rule(evaluate(facts(100, [site({ areaDm2: dm2 }), site({ areaDm2: 50_000 })]), DEFAULT_RULES, today), 'service-complex-size');
    expect(complex(60_000).pass).toBe(true);
    expect(complex(59_999).pass).toBe(false);
  });

  it('a rental over 3 years fails, contracted or run; exactly 3 years passes', () => {
    const lease = (startsOn: string, endsOn: string) => ({ startsOn, endsOn, annualRentFen: 12_000_000, landlord: 'Property Co.' });
    expect(longTermReason(lease('2025-01-01', '2028-01-01'), 3, today)).toBeUndefined();
    expect(longTermReason(lease('2025-01-01', '2028-01-02'), 3, today)).toMatch(/contracted/);
    expect(longTermReason(lease('2023-11-27', '2024-11-26'), 3, today)).toBeUndefined();
    expect(longTermReason(lease('2023-11-26', '2024-11-25'), 3, today)).toMatch(/running since 2023-11-26/);

    const rented = site({ tenure: 'rented', lease: lease('2020-01-01', '2030-01-01') });
    const c = evaluate(facts(100, [site(), rented]), DEFAULT_RULES, today);
    expect(c.longTermRentals.map((r) => r.siteId)).toEqual([rented.id]);
    expect(c.failing).toEqual(['no-long-term-rental']);
  });

  it('more than one office site is scattered', () => {
    const one = evaluate(facts(100, [site({ uses: ['office', 'service'] }), site()]), DEFAULT_RULES, today);
    const two = evaluate(facts(100, [site({ uses: ['office'] }), site({ uses: ['office', 'service'] })]), DEFAULT_RULES, today);
    expect(one.failing).toEqual([]);
    expect(two.failing).toEqual(['not-scattered']);
    expect(two.officeSites).toHaveLength(2);
  });

  it('the rules are data: a district allowing two office sites and 25 m² per 100 households judges by them', () => {
    const lenient = { ...DEFAULT_RULES, areaPer100HouseholdsDm2: 2500, maxOfficeSites: 2 };
    const sites = [site({ areaDm2: 60_000, uses: ['office'] }), site({ areaDm2: 2_500, residentActivityAreaDm2: 2_500, uses: ['office'] })];
    expect(evaluate(facts(2500, sites), DEFAULT_RULES, today).failing).toEqual(['area-per-households', 'not-scattered']);
    expect(evaluate(facts(2500, sites), lenient, today).compliant).toBe(true);
  });
});

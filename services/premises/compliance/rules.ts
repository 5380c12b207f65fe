import { plusYears } from '../../../kernel/calendar.ts';
import { toM2 } from '../area.ts';
import type { Site } from '../sites/domain.ts';
import type { Rules } from '../standard/domain.ts';

export const RULES = [
  'area-per-households',
  'resident-activity-share',
  'service-complex-size',
  'no-long-term-rental',
  'not-scattered',
] as const;
export type RuleName = (typeof RULES)[number];

export interface RuleResult {
  rule: RuleName;
  /** null when it cannot be judged yet (no households recorded). */
  pass: boolean | null;
  detail: string;
  figures: Record<string, number | string | null | string[]>;
}

export interface LongTermRental {
  siteId: string;
  address: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** A community measured against its district's rules. Every comparison is on whole dm² or whole percent. */
export interface Compliance {
  community: string;
  street: string;
  households: number | null;
  sites: number;
  totalAreaDm2: number;
  requiredAreaDm2: number | null;
  shortfallDm2: number | null;
  residentActivityAreaDm2: number;
  longTermRentals: LongTermRental[];
  officeSites: string[];
  rules: RuleResult[];
  /** null until households are recorded: a community is not assessed before that. */
  compliant: boolean | null;
  failing: RuleName[];
}

export interface CommunityFacts {
  community: string;
  street: string;
  households?: number;
  sites: readonly Site[];
}

/** ⌈a / b⌉ for whole a ≥ 0, b > 0, without floating point. */
const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * A rental is long-term when it has run, or is contracted to run, more than `years` years: its end
 * date, or today (a rental still on the register is still running), lies past its start plus `years`.
 */
export function longTermReason(lease: { startsOn: string; endsOn: string }, years: number, today: string): string | undefined {
  const limit = plusYears(lease.startsOn, years);
  if (lease.endsOn > limit) return `contracted from ${lease.startsOn} to ${lease.endsOn}, more than ${years} years`;
  if (today > limit) return `running since ${lease.startsOn}, more than ${years} years by ${today}`;
  return undefined;
}

export function evaluate(facts: CommunityFacts, rules: Rules, today: string): Compliance {
  const households = facts.households ?? null;
  const totalAreaDm2 = facts.sites.reduce((sum, s) => sum + s.areaDm2, 0);
  const residentActivityAreaDm2 = facts.sites.reduce((sum, s) => sum + s.residentActivityAreaDm2, 0);
  const m2 = toM2;

  // 30 m² per 100 households: required = ⌈households × 3000 dm² / 100⌉, so a whole dm² total passes
  // exactly when total × 100 ≥ households × 3000.
  const requiredAreaDm2 = households === null ? null : ceilDiv(households * rules.areaPer100HouseholdsDm2, 100);
  const shortfallDm2 = requiredAreaDm2 === null ? null : Math.max(0, requiredAreaDm2 - totalAreaDm2);
  const area: RuleResult = {
    rule: 'area-per-households',
    pass: requiredAreaDm2 === null ? null : totalAreaDm2 >= requiredAreaDm2,
    detail:
      requiredAreaDm2 === null
        ? 'households not recorded yet'
        : `${m2(totalAreaDm2)} m² for ${households} households; ${m2(rules.areaPer100HouseholdsDm2)} m² per 100 households requires ${m2(requiredAreaDm2)} m²`,
    figures: {
      totalAreaM2: m2(totalAreaDm2),
      requiredAreaM2: requiredAreaDm2 === null ? null : m2(requiredAreaDm2),
      shortfallM2: shortfallDm2 === null ? null : m2(shortfallDm2),
      households,
      per100HouseholdsM2: m2(rules.areaPer100HouseholdsDm2),
    },
  };

  // Share: resident × 100 ≥ total × percent, in whole numbers. No space at all is judged by the area rule.
  const sharePasses = residentActivityAreaDm2 * 100 >= totalAreaDm2 * rules.residentActivitySharePercent;
  const shareShown = totalAreaDm2 === 0 ? null : Math.floor((residentActivityAreaDm2 * 10_000) / totalAreaDm2) / 100;
  const share: RuleResult = {
    rule: 'resident-activity-share',
    pass: sharePasses,
    detail: `${m2(residentActivityAreaDm2)} of ${m2(totalAreaDm2)} m² for residents' activities; at least ${rules.residentActivitySharePercent} % required`,
    figures: {
      residentActivityAreaM2: m2(residentActivityAreaDm2),
      sharePercent: shareShown,
      requiredPercent: rules.residentActivitySharePercent,
    },
  };

  const largest = facts.sites.reduce<Site | undefined>((big, s) => (!big || s.areaDm2 > big.areaDm2 ? s : big), undefined);
  const complex: RuleResult = {
    rule: 'service-complex-size',
    pass: (largest?.areaDm2 ?? 0) >= rules.serviceComplexMinDm2,
    detail: `the largest site (the service complex) has ${m2(largest?.areaDm2 ?? 0)} m²; at least ${m2(rules.serviceComplexMinDm2)} m² required`,
    figures: {
      largestSiteId: largest?.id ?? null,
      largestSiteAreaM2: m2(largest?.areaDm2 ?? 0),
      requiredM2: m2(rules.serviceComplexMinDm2),
    },
  };

  const longTermRentals = facts.sites.flatMap((s): LongTermRental[] => {
    if (s.tenure !== 'rented' || !s.lease) return [];
    const reason = longTermReason(s.lease, rules.longTermRentalYears, today);
    return reason ? [{ siteId: s.id, address: s.address, startsOn: s.lease.startsOn, endsOn: s.lease.endsOn, reason }] : [];
  });
  const rentals: RuleResult = {
    rule: 'no-long-term-rental',
    pass: longTermRentals.length === 0,
    detail: `${longTermRentals.length} rental(s) over ${rules.longTermRentalYears} years`,
    figures: { longTermRentals: longTermRentals.map((r) => r.siteId), maxYears: rules.longTermRentalYears },
  };

  const officeSites = facts.sites.filter((s) => s.uses.includes('office')).map((s) => s.id);
  const scattered: RuleResult = {
    rule: 'not-scattered',
    pass: officeSites.length <= rules.maxOfficeSites,
    detail: `the office is at ${officeSites.length} site(s); at most ${rules.maxOfficeSites}`,
    figures: { officeSites, maxOfficeSites: rules.maxOfficeSites },
  };

  const results = [area, share, complex, rentals, scattered];
  const failing = results.filter((r) => r.pass === false).map((r) => r.rule);
  return {
    community: facts.community,
    street: facts.street,
    households,
    sites: facts.sites.length,
    totalAreaDm2,
    requiredAreaDm2,
    shortfallDm2,
    residentActivityAreaDm2,
    longTermRentals,
    officeSites,
    rules: results,
    compliant: households === null ? null : failing.length === 0,
    failing,
  };
}

/**
 * The compliance as the API shows it: m², the rules with their figures, the standard applied, and
 * when the community's stored result last changed (`assessedAt`, null before its first assessment).
 */
export function complianceView(c: Compliance, standard: { version: number }, assessedAt: string | undefined) {
  return {
    community: c.community,
    street: c.street,
    status: c.compliant === null ? 'unassessed' : c.compliant ? 'compliant' : 'failing',
    households: c.households,
    sites: c.sites,
    totalAreaM2: toM2(c.totalAreaDm2),
    requiredAreaM2: c.requiredAreaDm2 === null ? null : toM2(c.requiredAreaDm2),
    shortfallM2: c.shortfallDm2 === null ? null : toM2(c.shortfallDm2),
    residentActivityAreaM2: toM2(c.residentActivityAreaDm2),
    residentActivitySharePercent: c.rules[1]!.figures.sharePercent as number | null,
    longTermRentals: c.longTermRentals,
    officeSites: c.officeSites,
    scattered: c.failing.includes('not-scattered'),
    rules: c.rules,
    failing: c.failing,
    standardVersion: standard.version,
    assessedAt: assessedAt ?? null,
  };
}

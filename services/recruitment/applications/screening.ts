import { ageOn, chinaDate } from '../../../kernel/calendar.ts';
import { Education, type Eligibility, type ScreeningRule, type SourcePool } from '../vocabulary.ts';

export interface Profile {
  birthDate: string;
  education: Education;
  currentRole: SourcePool;
  yearsOfService: number;
}

/** Why screening found an application ineligible: one reason per failed rule. */
export interface Reason {
  rule: ScreeningRule;
  message: string;
}

const rank = (level: Education) => Education.options.indexOf(level);

/**
 * Screening against the position's eligibility, every rule on its own, so an applicant sees every
 * reason at once instead of fixing one and failing the next. Age is counted on the day the window
 * opens, so eligibility does not change while the window is open. No reasons: eligible.
 */
export function screen(eligibility: Eligibility, profile: Profile, opensAt: string): Reason[] {
  const reasons: Reason[] = [];
  if (!eligibility.sourcePools.includes(profile.currentRole)) {
    reasons.push({
      rule: 'source-pool',
      message: `The position recruits from ${eligibility.sourcePools.join(', ')}; the applicant is ${profile.currentRole}.`,
    });
  }
  if (eligibility.minYearsOfService !== undefined && profile.yearsOfService < eligibility.minYearsOfService) {
    reasons.push({
      rule: 'years-of-service',
      message: `At least ${eligibility.minYearsOfService} years of service are needed; the applicant has ${profile.yearsOfService}.`,
    });
  }
  if (eligibility.maxAge !== undefined) {
    const day = chinaDate(opensAt);
    const age = ageOn(profile.birthDate, day);
    if (age > eligibility.maxAge) {
      reasons.push({ rule: 'age', message: `The age limit is ${eligibility.maxAge} on ${day}; the applicant is ${age}.` });
    }
  }
  if (eligibility.minEducation !== undefined && rank(profile.education) < rank(eligibility.minEducation)) {
    reasons.push({
      rule: 'education',
      message: `${eligibility.minEducation} or higher is needed; the applicant has ${profile.education}.`,
    });
  }
  return reasons;
}

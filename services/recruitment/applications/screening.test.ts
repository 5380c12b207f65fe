import { describe, expect, it } from 'vitest';
import type { Eligibility } from '../vocabulary.ts';
import { screen, type Profile } from './screening.ts';

/** Window opens 2025-03-01 (district time); the rules below are the fixture's unless a test changes one. */
const opensAt = '2025-03-01T00:00:00.000Z';
const rules: Eligibility = {
  sourcePools: ['village-cadre', 'community-worker'],
  minYearsOfService: 3,
  maxAge: 35,
  minEducation: 'vocational-college',
};
const fits: Profile = { birthDate: '1995-06-01', education: 'bachelor', currentRole: 'village-cadre', yearsOfService: 5 };

describe('screening: each rule alone rejects with its own reason', () => {
  it('an applicant who meets every rule is eligible: no reasons', () => {
    expect(screen(rules, fits, opensAt)).toEqual([]);
  });

  it('source pool: a civil servant applying to a post for village cadres and community workers', () => {
    expect(screen(rules, { ...fits, currentRole: 'civil-servant' }, opensAt)).toEqual([
      {
        rule: 'source-pool',
        message: 'The position recruits from village-cadre, community-worker; the applicant is civil-servant.',
      },
    ]);
  });

  it('years of service: two years where three are needed', () => {
    expect(screen(rules, { ...fits, yearsOfService: 2 }, opensAt)).toEqual([
      { rule: 'years-of-service', message: 'At least 3 years of service are needed; the applicant has 2.' },
    ]);
  });

  it('age: 36 on the day the window opens, where 35 is the limit', () => {
    expect(screen(rules, { ...fits, birthDate: '1988-12-01' }, opensAt)).toEqual([
      { rule: 'age', message: 'The age limit is 35 on 2025-03-01; the applicant is 36.' },
    ]);
  });

  it('education: senior secondary where a vocational college is needed', () => {
    expect(screen(rules, { ...fits, education: 'senior-secondary' }, opensAt)).toEqual([
      { rule: 'education', message: 'vocational-college or higher is needed; the applicant has senior-secondary.' },
    ]);
  });
});

describe('screening: every failed rule is reported at once', () => {
  it('an applicant failing three rules sees three reasons', () => {
    const reasons = screen(rules, { ...fits, currentRole: 'other', yearsOfService: 0, education: 'junior-secondary' }, opensAt);
    expect(reasons.map((r) => r.rule)).toEqual(['source-pool', 'years-of-service', 'education']);
  });

  it('an applicant failing all four sees four reasons', () => {
    const reasons = screen(rules, { birthDate: '1970-01-01', education: 'junior-secondary', currentRole: 'other', yearsOfService: 0 }, opensAt);
    expect(reasons).toHaveLength(4);
  });
});

describe('screening: edges of the rules', () => {
  it('age is counted in the district’s calendar: 35 until the eve of the 36th birthday', () => {
    // Opens 2025-03-01 00:00 in the district (UTC+8), which is 2025-02-28T16:00Z.
    const opens = '2025-02-28T16:00:00.000Z';
    expect(screen(rules, { ...fits, birthDate: '1989-03-02' }, opens)).toEqual([]);
    expect(screen(rules, { ...fits, birthDate: '1989-03-01' }, opens).map((r) => r.rule)).toEqual(['age']);
  });

  it('exactly the minimum years and the minimum education pass', () => {
    expect(screen(rules, { ...fits, yearsOfService: 3, education: 'vocational-college' }, opensAt)).toEqual([]);
  });

  it('rules a position does not set are not checked', () => {
    expect(screen({ sourcePools: ['other'] }, { ...fits, currentRole: 'other', yearsOfService: 0, birthDate: '1950-01-01' }, opensAt)).toEqual([]);
  });
});

import type { Cause } from '../../kernel/events.ts';
import type { Application } from './applications/domain.ts';
import type { Allotment } from './plans/domain.ts';
import type { Position } from './positions/domain.ts';
import type { StaffMember } from './staff/domain.ts';

/**
 * Fixtures for the recruitment domain tests: plain objects in a known state, so each test says only
 * what differs. (Test code; nothing in the service imports it.)
 */
export const causeAt = (now: string, sub = 'org-dept-1', roles = ['organization-dept']): Cause => ({
  correlationId: 'corr-test',
  now,
  actor: { sub, roles, jurisdiction: 'D01' },
});

export const position = (overrides: Partial<Position> = {}): Position => ({
  id: '01JPOSITION000000000000001',
  title: 'Community affairs officer',
  street: 'D01/S03',
  district: 'D01',
  kind: 'career-establishment',
  quota: 2,
  eligibility: { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3, maxAge: 35, minEducation: 'vocational-college' },
  opensAt: '2025-03-01T00:00:00.000Z',
  closesAt: '2025-03-31T00:00:00.000Z',
  year: 2025,
  status: 'published',
  draftedAt: '2025-02-20T00:00:00.000Z',
  draftedBy: 'org-dept-1',
  publishedAt: '2025-02-25T00:00:00.000Z',
  publishedBy: 'org-dept-1',
  applications: 0,
  eligibleApplications: 0,
  version: 2,
  ...overrides,
});

export const allotment = (overrides: Partial<Allotment> = {}): Allotment => ({
  district: 'D01',
  year: 2025,
  street: 'D01/S03',
  posts: 10,
  reserved: 4,
  published: 0,
  publishedOpen: 0,
  ...overrides,
});

let sequence = 0;
export const application = (overrides: Partial<Application> = {}): Application => {
  sequence += 1;
  return {
    id: `01JAPPLICATION${String(sequence).padStart(12, '0')}`,
    positionId: '01JPOSITION000000000000001',
    positionTitle: 'Community affairs officer',
    street: 'D01/S03',
    applicant: `resident-${sequence}`,
    name: `Applicant ${sequence}`,
    profile: { birthDate: '1995-06-01', education: 'bachelor', currentRole: 'village-cadre', yearsOfService: 5 },
    status: 'eligible',
    reasons: [],
    submittedAt: '2025-03-10T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
};

export const member = (overrides: Partial<StaffMember> = {}): StaffMember => ({
  id: '01JSTAFF000000000000000001',
  name: 'Chen Jing',
  street: 'D01/S03',
  kind: 'career-establishment',
  positionId: '01JPOSITION000000000000001',
  positionTitle: 'Community affairs officer',
  applicationId: '01JAPPLICATION000000000001',
  applicant: 'resident-1',
  hiredAt: '2025-04-01T00:00:00.000Z',
  status: 'in-post',
  version: 1,
  ...overrides,
});

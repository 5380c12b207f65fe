import { ulid } from 'ulid';
import type { Store } from '../../kernel/store.ts';
import { submitApplication, scoreApplication } from '../../services/recruitment/applications/domain.ts';
import { ApplicationStore } from '../../services/recruitment/applications/store.ts';
import { adoptPlan } from '../../services/recruitment/plans/domain.ts';
import { PlanStore } from '../../services/recruitment/plans/store.ts';
import { PositionCloser } from '../../services/recruitment/positions/close.ts';
import { draftPosition, publishPosition, type Position, type PositionRequest } from '../../services/recruitment/positions/domain.ts';
import { PositionStore } from '../../services/recruitment/positions/store.ts';
import type { StaffMember } from '../../services/recruitment/staff/domain.ts';
import { causeAt } from '../../services/recruitment/testing.ts';
import type { TestCloud } from './cloud.ts';

/** The recruitment flows as tests drive them: through the gateway, or through the store with a chosen clock. */

export const PLAN_YEAR = 2030;
export const STREETS = ['D01/S03', 'D01/S04', 'D01/S05'];

export const planBody = (overrides: Record<string, unknown> = {}) => ({
  year: PLAN_YEAR,
  district: 'D01',
  streets: STREETS.map((street) => ({ street, posts: 40, reserved: 10 })),
  ...overrides,
});

/**
 * A position whose window opened a minute ago and closes in a day. A test that needs the window over
 * moves the gateway's clock past `closesAt` (test/support/clock.ts) rather than wait for it.
 */
export const positionBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Community affairs officer',
  street: 'D01/S03',
  kind: 'career-establishment',
  quota: 2,
  eligibility: { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3, maxAge: 35, minEducation: 'vocational-college' },
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  year: PLAN_YEAR,
  ...overrides,
});

/** Meets the rules of `positionBody`. */
export const fittingProfile = { birthDate: '1995-06-01', education: 'bachelor', currentRole: 'village-cadre', yearsOfService: 5 };
/** Fails three of them: pool, years of service, education. */
export const unfitProfile = { birthDate: '1995-06-01', education: 'senior-secondary', currentRole: 'other', yearsOfService: 1 };

export interface RecruitmentTokens {
  org: string;
  orgElsewhere: string;
  officialS03: string;
  officialS04: string;
  admin: string;
  resident(sub: string): Promise<string>;
}

export async function recruitmentTokens(t: TestCloud): Promise<RecruitmentTokens> {
  return {
    org: await t.token({ roles: ['organization-dept'], jurisdiction: 'D01', sub: 'org-dept-d01' }),
    orgElsewhere: await t.token({ roles: ['organization-dept'], jurisdiction: 'D02', sub: 'org-dept-d02' }),
    officialS03: await t.token({ roles: ['street-official'], jurisdiction: 'D01/S03', sub: 'official-s03' }),
    officialS04: await t.token({ roles: ['street-official'], jurisdiction: 'D01/S04', sub: 'official-s04' }),
    admin: await t.token({ roles: ['district-admin'], jurisdiction: 'D01', sub: 'admin-d01' }),
    resident: (sub) => t.token({ roles: ['resident'], jurisdiction: 'D01/S03/C01', sub }),
  };
}

/** Draft and publish through the gateway; returns the position's id. */
export async function publishedPosition(t: TestCloud, org: string, body: Record<string, unknown> = positionBody()): Promise<string> {
  const drafted = await t.api('POST', '/recruitment/positions', { token: org, body });
  if (drafted.status !== 201) throw new Error(`draft: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const published = await t.api('POST', `/recruitment/positions/${drafted.body.id}/publish`, { token: org });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return drafted.body.id as string;
}

/**
 * The recruitment flow through the service's own stores and domain, with a clock the test chooses:
 * plan (if the district has none for the year), draft, publish, applications, scores, close. For
 * tests that need hires, or time after a window, without waiting for it.
 */
export class RecruitmentFlow {
  readonly plans: PlanStore;
  readonly positions: PositionStore;
  readonly applications: ApplicationStore;
  readonly closer: PositionCloser;

  constructor(readonly table: Store) {
    this.plans = new PlanStore(table);
    this.positions = new PositionStore(table);
    this.applications = new ApplicationStore(table);
    this.closer = new PositionCloser(table);
  }

  /** A plan for the district's streets S01–S20, 500 posts each, none reserved. */
  async ensurePlan(district: string, year: number, posts = 500): Promise<void> {
    if (await this.plans.plan(district, year)) return;
    const streets = Array.from({ length: 20 }, (_, i) => `${district}/S${String(i + 1).padStart(2, '0')}`);
    const adoption = adoptPlan({ district, year, streets: streets.map((street) => ({ street, posts, reserved: 0 })) }, causeAt(new Date().toISOString()));
    await this.table.commit(this.plans.adoptionCommit(adoption));
  }

  /** A published position whose window is [opensAt, closesAt]. */
  async publish(request: Partial<PositionRequest> & { opensAt: string; closesAt: string }): Promise<Position> {
    const body: PositionRequest = {
      id: ulid(),
      title: 'Grid worker',
      street: 'D01/S03',
      kind: 'community-worker',
      quota: 5,
      eligibility: { sourcePools: ['village-cadre', 'community-worker', 'other'] },
      year: PLAN_YEAR,
      ...request,
    };
    await this.ensurePlan(body.street.split('/')[0]!, body.year!);
    const at = causeAt(new Date(Date.parse(body.opensAt) - 3600_000).toISOString());
    const drafted = draftPosition(body, at);
    await this.table.commit(this.positions.draftCommit(drafted));
    const allotment = await this.plans.allotment(drafted.position.district, drafted.position.year, drafted.position.street);
    const publication = publishPosition(drafted.position, allotment, at);
    await this.table.commit(this.positions.publicationCommit(drafted.position, publication));
    return publication.position;
  }

  async apply(positionId: string, applicant: string, at: string, profile = fittingProfile, name = `Person ${applicant}`) {
    const position = (await this.positions.position(positionId))!;
    const change = submitApplication(position, { id: ulid(), applicant, name, profile: profile as never }, causeAt(at, applicant, ['resident']));
    await this.table.commit(this.applications.submissionCommit(change));
    return change.application;
  }

  async score(applicationId: string, score: number, at: string) {
    const application = (await this.applications.application(applicationId))!;
    const position = (await this.positions.position(application.positionId))!;
    const change = scoreApplication(application, position, score, causeAt(at));
    await this.table.commit(this.applications.scoringCommit(change));
    return change.application;
  }

  async close(positionId: string, at: string) {
    return this.closer.close((await this.positions.position(positionId))!, causeAt(at));
  }

  /** People hired into a street: one position, everyone scored, closed a day after its window. */
  async hire(street: string, names: string[], around = Date.now() - 30 * 86_400_000): Promise<StaffMember[]> {
    const iso = (offsetDays: number) => new Date(around + offsetDays * 86_400_000).toISOString();
    const position = await this.publish({ street, quota: names.length, opensAt: iso(0), closesAt: iso(7) });
    await Promise.all(
      names.map(async (name, i) => {
        const application = await this.apply(position.id, `person-${ulid()}`, iso(1), fittingProfile, name);
        await this.score(application.id, 90 - i, iso(8));
      }),
    );
    const closing = await this.close(position.id, iso(8));
    return closing.hires.map((h) => h.staff);
  }
}

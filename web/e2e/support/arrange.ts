import { loadIssuer, type TokenClaims } from '../../../infra/local/issuer.ts';
import { E2E_BASE, E2E_DATA_DIR } from './env.ts';

/**
 * What a journey needs in place before a user acts, put there through the API as the officials
 * of part 2 will through their consoles: a plan, published positions, a site with a public room.
 * The journey itself then goes through the browser only.
 */
const issuer = loadIssuer(E2E_DATA_DIR);
const token = async (claims: TokenClaims) => (await issuer).sign(claims);
export const PLAN_YEAR = new Date().getFullYear();

async function call(method: string, path: string, claims: TokenClaims, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(E2E_BASE + path, {
    method,
    headers: { authorization: `Bearer ${await token(claims)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const org: TokenClaims = { roles: ['organization-dept'], jurisdiction: 'D01', sub: 'e2e-organization-dept' };

/** The district's plan for the year (once; a second adoption is a 409 and changes nothing). */
async function plan(): Promise<void> {
  const adopted = await call('POST', '/recruitment/plans', org, {
    year: PLAN_YEAR,
    district: 'D01',
    streets: ['D01/S01', 'D01/S02', 'D01/S03', 'D01/S04'].map((street) => ({ street, posts: 400, reserved: 100 })),
  });
  if (adopted.status !== 201 && adopted.status !== 409) throw new Error(`plan: ${adopted.status} ${JSON.stringify(adopted.body)}`);
}

export interface PositionSpec {
  title: string;
  street?: string;
  kind?: 'career-establishment' | 'civil-servant' | 'community-worker';
  opensInMs?: number;
}

/** A published position on the board, open for a month from a minute ago (or opening later): its id. */
export async function publishedPosition(spec: PositionSpec): Promise<string> {
  await plan();
  const opensAt = Date.now() + (spec.opensInMs ?? -60_000);
  const drafted = await call('POST', '/recruitment/positions', org, {
    title: spec.title,
    description: '负责社区事务的协调与服务。\nCoordinates and serves community affairs.',
    street: spec.street ?? 'D01/S03',
    kind: spec.kind ?? 'career-establishment',
    quota: 2,
    eligibility: { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3, maxAge: 35, minEducation: 'vocational-college' },
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(opensAt + 30 * 86_400_000).toISOString(),
    year: PLAN_YEAR,
  });
  if (drafted.status !== 201) throw new Error(`draft: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const published = await call('POST', `/recruitment/positions/${drafted.body.id}/publish`, org);
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return drafted.body.id as string;
}

/** A unique title, so parallel journeys (desktop and phone) never meet on one position. */
export const unique = (title: string) => `${title} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

const admin: TokenClaims = { roles: ['district-admin'], jurisdiction: 'D01', sub: 'e2e-district-admin' };
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

async function expectStatus(what: string, result: { status: number; body: unknown }, ...statuses: number[]) {
  if (!statuses.includes(result.status)) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as any;
}

/** A catalog power delegated to a street from a day in the past: its code. */
export async function delegatedPower(street: string, effectiveOn: string): Promise<string> {
  const code = `E2E-${suffix()}`;
  await expectStatus(
    'power',
    await call('POST', '/authority/powers', admin, {
      code,
      name: '占道经营行为的行政处罚',
      domain: 'law-enforcement',
      legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
      fromDepartment: 'urban-management',
    }),
    201,
  );
  await expectStatus(
    'delegation',
    await call('POST', '/authority/delegations', admin, { decisionRef: `青政〔2026〕${suffix()}号`, effectiveOn, codes: [code], streets: [street] }),
    // Accepted: its grants are written in steps, and the street holds the power once they are.
    201,
    202,
  );
  return code;
}

/** A joint meeting's decision, by which an item joins the access list: its id. */
async function meetingDecision(): Promise<string> {
  const startsAt = Date.now() + 7 * 86_400_000;
  const meeting = await expectStatus(
    'meeting',
    await call('POST', '/coordination/meetings', admin, {
      title: '区联席会议',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
      hostStreet: 'D01/S03',
      members: { departments: ['civil-affairs'], streets: ['D01/S03'] },
    }),
    201,
  );
  const decision = await expectStatus(
    'decision',
    await call('POST', `/coordination/meetings/${meeting.id}/decisions`, admin, {
      title: '高龄津贴核查纳入准入清单',
      ownerDepartment: 'civil-affairs',
      deadline: new Date(startsAt + 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    201,
  );
  return decision.id as string;
}

/** A work item on the district's access list (for `departments` only; none: any department): its code. */
export async function accessItem(departments: readonly string[] = ['civil-affairs'], title = '老年人高龄津贴资格核查'): Promise<string> {
  const code = `WI-${suffix()}`;
  const decisionId = await meetingDecision();
  await expectStatus(
    'access item',
    await call('POST', '/coordination/access-list/items', admin, {
      code,
      title,
      description: '每季度核查一次辖区内高龄老人的津贴发放资格。',
      departments,
      decisionId,
    }),
    201,
  );
  return code;
}

/** A property company registered by the street's office: its id. */
export async function propertyCompany(name: string): Promise<string> {
  const official: TokenClaims = { roles: ['street-official'], jurisdiction: 'D01/S03', sub: 'e2e-street-official-s03' };
  const created = await expectStatus(
    'company',
    await call('POST', '/coordination/property-companies', official, { name, communities: ['D01/S03/C07', 'D01/S03/C02'], contact: '027-8888 0000' }),
    201,
  );
  return created.id as string;
}

/** A site of a community with one public room, registered by the street's office: the room's id. */
export async function publicRoom(name: string, community = 'D01/S03/C07'): Promise<string> {
  const official: TokenClaims = { roles: ['street-official'], jurisdiction: community.split('/').slice(0, 2).join('/'), sub: 'e2e-street-official' };
  const site = await expectStatus(
    'site',
    await call('POST', '/premises/sites', official, {
      community,
      address: '和平路 18 号 18 Heping Road',
      areaM2: 600,
      residentActivityAreaM2: 400,
      tenure: 'owned',
      uses: ['office', 'service', 'resident-activity'],
    }),
    201,
  );
  const room = await expectStatus('room', await call('POST', `/premises/sites/${site.site.id}/rooms`, official, { name, capacity: 30, bookable: 'public' }), 201);
  return room.id as string;
}

/** A day of next week (China time), `YYYY-MM-DD`: in the future however long the run takes. */
export function dayNextWeek(weekday: number): string {
  const chinaNow = new Date(Date.now() + 8 * 3_600_000);
  const monday = new Date(chinaNow.getTime() - ((chinaNow.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday.getTime() + (7 + weekday) * 86_400_000).toISOString().slice(0, 10);
}

/** An issue raised by a street office of D01/S03 that the named department reports in on: its id. */
export async function reportedIssue(department: string): Promise<string> {
  const official: TokenClaims = { roles: ['street-official'], jurisdiction: 'D01/S03', sub: 'e2e-street-official-s03' };
  const raised = await call('POST', '/coordination/issues', official, {
    category: 'production-safety',
    urgency: 'general',
    departments: [department],
    description: '地下室堆放燃气瓶。',
    location: '新街口12号',
  });
  if (raised.status !== 201) throw new Error(`issue: ${raised.status} ${JSON.stringify(raised.body)}`);
  const dept: TokenClaims = { roles: ['department'], jurisdiction: 'D01', department, sub: `e2e-${department}` };
  const acknowledged = await call('POST', `/coordination/issues/${raised.body.id}/acknowledge`, dept);
  if (acknowledged.status !== 200) throw new Error(`acknowledge: ${acknowledged.status} ${JSON.stringify(acknowledged.body)}`);
  return raised.body.id as string;
}

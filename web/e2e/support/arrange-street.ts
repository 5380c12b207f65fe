import type { TokenClaims } from '../../../infra/local/issuer.ts';
import { waitFor } from '../../../infra/local/wait.ts';
import { PLAN_YEAR, unique } from './arrange.ts';
import { application } from './arrange-organization.ts';
import { as, departmentOf, STREET_OFFICIAL } from './officials.ts';

/**
 * What the street official's premises and staff pages and the committee's assessments need in
 * place, through the API: staff hired through a ranked close, secondments without an approval, a
 * community short of the standard, a department's side of a double assessment.
 */
const org: TokenClaims = { roles: ['organization-dept'], jurisdiction: 'D01', sub: 'e2e-organization-dept' };

async function tryHire(names: readonly string[], windowMs: number): Promise<Array<{ id: string; name: string }> | undefined> {
  await as(org, 'POST', '/recruitment/plans', {
    year: PLAN_YEAR,
    district: 'D01',
    streets: ['D01/S01', 'D01/S02', 'D01/S03', 'D01/S04'].map((street) => ({ street, posts: 400, reserved: 100 })),
  }).catch((error: Error) => {
    if (!/ 409 /.test(error.message)) throw error;
  });
  const opensAt = Date.now() - 60_000;
  const closesAt = Date.now() + windowMs;
  const title = unique('网格员');
  const drafted = await as(org, 'POST', '/recruitment/positions', {
    title,
    description: '负责网格内的巡查与服务。',
    street: 'D01/S03',
    kind: 'community-worker',
    quota: names.length,
    eligibility: { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3, maxAge: 35, minEducation: 'vocational-college' },
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    year: PLAN_YEAR,
  });
  await as(org, 'POST', `/recruitment/positions/${drafted.id}/publish`);
  try {
    for (const name of names) {
      const id = await application(drafted.id, name, true);
      await as(org, 'POST', `/recruitment/applications/${id}/score`, { score: 80 });
    }
  } catch (error) {
    // A machine too busy to apply within the window: the caller tries again with a longer one.
    if (Date.now() >= closesAt) return undefined;
    throw error;
  }
  // Closing waits for the window's end: a condition, polled, not a sleep of a fixed length.
  await waitFor(`position ${title} closed`, async () => {
    try {
      return await as(org, 'POST', `/recruitment/positions/${drafted.id}/close`);
    } catch (error) {
      if (/ 409 /.test((error as Error).message) && Date.now() < closesAt + 60_000) return undefined;
      throw error;
    }
  }, { timeoutMs: windowMs + 90_000 });
  const roster = await waitFor('the hires on the roster', async () => {
    const { items } = await as(STREET_OFFICIAL, 'GET', '/recruitment/staff?street=D01/S03&limit=100');
    const hired = (items as Array<{ id: string; name: string }>).filter((m) => names.includes(m.name));
    return hired.length === names.length ? hired : undefined;
  });
  return roster;
}

/** Members hired into 南山街道 through a position whose window closes, ranked and closed: their roster records. */
export async function hiredStaff(names: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  // The window is sized to the work of applying (a few calls an applicant, seconds even on a busy
  // machine), several times over; a machine too busy even for that tries once more with two minutes.
  // The runtime under test keeps real time (there is no server clock to move), so closing waits for it.
  for (const windowMs of [45_000, 120_000]) {
    const hired = await tryHire(names, windowMs);
    if (hired) return hired;
  }
  throw new Error('could not apply within a two minutes’ window');
}

/** A secondment of a member without an approval reference: flagged at once. Its id. */
export async function unapprovedSecondment(staffId: string, toUnit: string): Promise<string> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const ends = new Date(Date.now() + 8 * 3_600_000 + 60 * 86_400_000).toISOString().slice(0, 10);
  const made = await as(STREET_OFFICIAL, 'POST', `/recruitment/staff/${staffId}/secondments`, { toUnit, startsOn: today, endsOn: ends });
  return made.id as string;
}

/** 南湖社区 (D01/S03/C05) short of the standard: one small site for many households. */
export async function failingCommunity(): Promise<string> {
  const community = 'D01/S03/C05';
  // Once per runtime (journeys run in parallel and on two viewports): one site of 80 m².
  const { items } = await as(STREET_OFFICIAL, 'GET', `/premises/communities/${community.replaceAll('/', '-')}/sites`);
  if ((items as unknown[]).length === 0) await as(STREET_OFFICIAL, 'POST', '/premises/sites', {
    community,
    address: '南湖路 5 号',
    areaM2: 80,
    residentActivityAreaM2: 30,
    tenure: 'owned',
    uses: ['office', 'resident-activity'],
  });
  await as(STREET_OFFICIAL, 'POST', `/premises/communities/${community.replaceAll('/', '-')}/households`, { households: 2400 });
  return community;
}

/** The department's side of a stationed member's double assessment in 南山街道, for a period. */
export async function departmentAssessment(staffId: string, period: string, department = 'market-supervision'): Promise<void> {
  await as(departmentOf(department), 'POST', '/authority/department-assessments', {
    staffId,
    street: 'D01/S03',
    period,
    score: 86,
    comment: '完成派驻任务，考勤良好。',
  });
}

/** A staff room at a site of 松林社区 (D01/S03/C01), booked tomorrow 10:00–11:30 China time by a community worker: the room's name. */
export async function bookedRoom(name: string, purpose: string): Promise<string> {
  const community = 'D01/S03/C01';
  const worker: TokenClaims = { roles: ['community-worker'], jurisdiction: community, sub: 'e2e-community-worker-c01' };
  const site = await as(STREET_OFFICIAL, 'POST', '/premises/sites', {
    community,
    address: unique('松林路 1 号'),
    areaM2: 300,
    residentActivityAreaM2: 200,
    tenure: 'owned',
    uses: ['office', 'resident-activity'],
  });
  const room = await as(STREET_OFFICIAL, 'POST', `/premises/sites/${site.site.id}/rooms`, { name, capacity: 20, bookable: 'staff' });
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  await as(worker, 'POST', `/premises/rooms/${room.id}/bookings`, {
    startsAt: `${tomorrow}T10:00:00+08:00`,
    endsAt: `${tomorrow}T11:30:00+08:00`,
    purpose,
    attendees: 12,
  });
  return name;
}

import { seededRandom } from '../infra/local/faults.ts';
import type { TokenClaims } from '../infra/local/issuer.ts';
import type { ChaosApi } from './api.ts';

/**
 * What a chaos run asks of the platform: every flow that crosses services, drawn from a seed, as
 * callers drive them through the gateway.
 *
 * - the appointment saga: recruitment → authority (a consent case) → the street committee decides →
 *   recruitment (confirmed or rejected);
 * - joint meetings: coordination asks premises for a venue (booked); a decision with money asks
 *   funding (a funding request), finance approves or declines, coordination settles the decision;
 * - remediation: a failing community's plan asks funding for money, finance answers, premises records it;
 * - the scorecard: budgets, positions, consents, compliance, allocations and issues all feed it;
 * - notifications: everyone signs in first, so whistles, consents, funding requests and meetings
 *   are told to them (in the inbox and by e-mail through the local SMTP server).
 *
 * The plan is drawn whole from the seed before anything runs, so a seed always asks the same things
 * whatever order the flows then interleave in.
 */
export interface Plan {
  seed: number;
  streets: string[];
  appointments: Array<{ street: string; department: string; decision: 'granted' | 'refused' }>;
  meetings: Array<{ street: string; slot: number; decisions: Array<{ fundingFen: number; answer: 'approve' | 'decline' }> }>;
  remediations: Array<{ street: string; amountFen: number; answer: 'approve' | 'decline' }>;
  positions: Array<{ street: string; quota: number }>;
  issues: Array<{ street: string; department: string }>;
}

const DEPARTMENTS = ['market-supervision', 'sanitation', 'housing', 'food-and-drug'];
export const PLAN_YEAR = 2030;
const FUND_YEAR = 2026;
/** What each street's pool holds: more than all its approvals can take. */
const POOL_FEN = 1_000_000_000;

export function planWorkload(seed: number): Plan {
  // Apart from the fault injector's draws (same seed, another stream).
  const random = seededRandom(seed ^ 0x9e3779b9);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const streets = ['D01/S03', 'D01/S04'].slice(0, int(1, 2));
  const pairs = streets.flatMap((street) => DEPARTMENTS.map((department) => ({ street, department })));
  let slot = 0;
  return {
    seed,
    streets,
    appointments: shuffle(pairs, random)
      .slice(0, int(1, 3))
      .map((p) => ({ ...p, decision: random() < 0.7 ? 'granted' : 'refused' })),
    meetings: Array.from({ length: int(1, 2) }, () => ({
      street: pick(streets),
      slot: (slot += 1),
      decisions: Array.from({ length: int(0, 2) }, () => ({ fundingFen: int(1, 500) * 10_000, answer: random() < 0.75 ? 'approve' : 'decline' })),
    })),
    remediations: streets.filter(() => random() < 0.5).map((street) => ({ street, amountFen: int(1, 90) * 1_000_000, answer: random() < 0.6 ? 'approve' : 'decline' })),
    positions: Array.from({ length: int(0, 2) }, () => ({ street: pick(streets), quota: int(1, 4) })),
    issues: Array.from({ length: int(0, 2) }, () => ({ street: pick(streets), department: pick(DEPARTMENTS) })),
  } as Plan;
}

export type Sign = (claims: TokenClaims) => Promise<string>;

/** Runs the plan's flows at once; resolves when every flow reached its end (or throws what went wrong). */
export async function runWorkload(plan: Plan, api: ChaosApi, sign: Sign): Promise<{ flows: number }> {
  const as = await callers(plan, sign);
  const pools = await setUp(plan, api, as);
  const flows = [
    ...plan.appointments.map((a) => () => appointmentSaga(api, as, a)),
    ...plan.meetings.map((m) => () => jointMeeting(api, as, m, pools)),
    ...plan.remediations.map((r) => () => remediation(api, as, r, pools)),
    ...plan.positions.map((p) => () => position(api, as, p)),
    ...plan.issues.map((i) => () => issue(api, as, i)),
  ];
  const outcomes = await Promise.allSettled(flows.map((flow) => flow()));
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed.length > 0) throw new AggregateError(failed.map((f) => f.reason), failed.map((f) => String(f.reason?.message ?? f.reason)).join('; '));
  return { flows: flows.length };
}

type Callers = Awaited<ReturnType<typeof callers>>;

async function callers(plan: Plan, sign: Sign) {
  // Everyone has a verified address, as in Cognito: the notifications service e-mails them.
  const signed = (claims: TokenClaims & { sub: string }) => sign({ ...claims, email: `${claims.sub}@chaos.example` });
  const street = async (s: string) => ({
    official: await signed({ sub: `official-${slug(s)}`, roles: ['street-official'], jurisdiction: s }),
    committee: await signed({ sub: `committee-${slug(s)}`, roles: ['street-committee'], jurisdiction: s }),
  });
  return {
    admin: await signed({ sub: 'd01-joint-office', roles: ['district-admin'], jurisdiction: 'D01' }),
    finance: await signed({ sub: 'finance-d01', roles: ['finance'], jurisdiction: 'D01' }),
    org: await signed({ sub: 'org-dept-d01', roles: ['organization-dept'], jurisdiction: 'D01' }),
    department: Object.fromEntries(
      await Promise.all(DEPARTMENTS.map(async (d) => [d, await signed({ sub: `${d}-d01`, roles: ['department'], jurisdiction: 'D01', department: d })] as const)),
    ) as Record<string, string>,
    street: Object.fromEntries(await Promise.all(plan.streets.map(async (s) => [s, await street(s)] as const))) as Record<string, { official: string; committee: string }>,
  };
}

/** Insists on a status: anything else means the run cannot go on as planned. */
function expectStatus(answer: { status: number; body: unknown }, status: number, what: string): Record<string, any> {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, any>;
}

/** Budgets, pools, a room per street and the year's recruitment plan: what the flows draw on. The pools, by street. */
async function setUp(plan: Plan, api: ChaosApi, as: Callers): Promise<Map<string, string>> {
  const pools = new Map<string, string>();
  // Everyone signs in first: the notifications directory knows them, so the flows below tell them.
  const people = [as.admin, as.finance, as.org, ...Object.values(as.department), ...Object.values(as.street).flatMap((s) => [s.official, s.committee])];
  await Promise.all(
    people.map(async (token, n) => expectStatus(await api.write('PUT', '/notifications/me', token, { body: { language: n % 2 === 0 ? 'zh-CN' : 'en' } }), 200, 'a sign-in')),
  );
  await Promise.all([
    api
      .write('POST', '/recruitment/plans', as.org, {
        body: { year: PLAN_YEAR, district: 'D01', streets: plan.streets.map((street) => ({ street, posts: 40, reserved: 10 })) },
      })
      .then((a) => expectStatus(a, 201, 'the recruitment plan')),
    ...plan.streets.map(async (street) => {
      expectStatus(
        await api.write('POST', '/funding/budgets', as.finance, {
          body: { street, year: FUND_YEAR, categories: { personnel: 8_000_000, operations: 2_000_000, 'resident-services': 3_000_000, 'capital-projects': 10_000_000 } },
        }),
        201,
        `the budget of ${street}`,
      );
      const pool = expectStatus(
        await api.write('POST', '/funding/pools', as.finance, {
          body: { street, year: FUND_YEAR, name: `Community fund ${street}`, lines: [{ program: 'Joint decisions', department: 'housing', amountFen: POOL_FEN }] },
        }),
        201,
        `the pool of ${street}`,
      );
      pools.set(street, pool.id);
      const site = expectStatus(
        await api.write('POST', '/premises/sites', as.street[street]!.official, {
          body: { community: `${street}/C01`, address: `${street} Harmony Road 1`, areaM2: 600, residentActivityAreaM2: 400, tenure: 'owned', uses: ['office', 'service', 'resident-activity'] },
        }),
        201,
        `the site of ${street}`,
      );
      expectStatus(
        await api.write('POST', `/premises/sites/${site.site.id}/rooms`, as.street[street]!.official, { body: { name: 'Deliberation room', capacity: 30, bookable: 'public' } }),
        201,
        `the room of ${street}`,
      );
    }),
  ]);
  return pools;
}

async function appointmentSaga(api: ChaosApi, as: Callers, a: Plan['appointments'][number]): Promise<void> {
  const department = as.department[a.department]!;
  const { committee } = as.street[a.street]!;
  const appointment = expectStatus(
    await api.write('POST', '/recruitment/appointments', department, {
      body: { street: a.street, agency: `${a.department} station ${a.street}`, nominee: { name: `Head of ${a.department}` }, reason: 'The former head retired.' },
    }),
    202,
    'the nomination',
  );
  const consentCase = await api.until(`the consent case of appointment ${appointment.id}`, async () => {
    const list = await api.read(`/authority/consents?status=pending&limit=100`, committee);
    return (list.body.items as Array<Record<string, any>> | undefined)?.find((c) => c.appointmentId === appointment.id);
  });
  const decided = await api.write('POST', `/authority/consents/${consentCase.id}/decision`, committee, {
    body: { decision: a.decision, writtenOpinion: `The committee ${a.decision === 'granted' ? 'agrees' : 'does not agree'} in writing.` },
    applied: async () => (await api.read(`/authority/consents/${consentCase.id}`, committee)).body.status !== 'pending',
  });
  if (decided.status !== 200 && decided.status < 500) expectStatus(decided, 200, 'the consent decision');
  const settled = await api.until(`appointment ${appointment.id} to settle`, async () => {
    const read = await api.read(`/recruitment/appointments/${appointment.id}`, department);
    return read.body.status === 'awaiting-consent' ? undefined : read.body;
  });
  const expected = a.decision === 'granted' ? 'confirmed' : 'rejected';
  if (settled.status !== expected) throw new Error(`appointment ${appointment.id}: ${settled.status}, not ${expected}`);
}

async function jointMeeting(api: ChaosApi, as: Callers, m: Plan['meetings'][number], pools: Map<string, string>): Promise<void> {
  // Each meeting has its own hour, ten days ahead: no two ask for the same time, so every one gets a room.
  const day = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 10 * 86_400_000;
  const startsAt = new Date(day + m.slot * 3_600_000);
  const meeting = expectStatus(
    await api.write('POST', '/coordination/meetings', as.admin, {
      body: {
        title: `Joint meeting ${m.slot}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        hostStreet: m.street,
        members: { departments: ['housing'], streets: [m.street] },
        agenda: ['Money for the lanes'],
      },
    }),
    201,
    'the meeting',
  );
  const venued = await api.until(`the venue of meeting ${meeting.id}`, async () => {
    const read = await api.read(`/coordination/meetings/${meeting.id}`, as.admin);
    return read.body.venue?.status === 'requested' ? undefined : read.body;
  });
  if (venued.venue.status !== 'booked') throw new Error(`meeting ${meeting.id}: venue ${JSON.stringify(venued.venue)}`);
  await Promise.all(m.decisions.map((d, n) => fundedDecision(api, as, meeting.id as string, { ...d, title: `Decision ${n + 1} of meeting ${m.slot}` }, pools.get(m.street)!)));
}

/** A meeting's decision with money: funding opens a request, finance answers, coordination settles the decision. */
async function fundedDecision(api: ChaosApi, as: Callers, meetingId: string, d: { title: string; fundingFen: number; answer: 'approve' | 'decline' }, poolId: string): Promise<void> {
  const decision = expectStatus(
    await api.write('POST', `/coordination/meetings/${meetingId}/decisions`, as.admin, {
      body: { title: d.title, ownerDepartment: 'housing', deadline: '2031-06-30', fundingFen: d.fundingFen, purpose: 'Lane repairs' },
    }),
    201,
    'the decision',
  );
  await decideFunding(api, as, decision.id, d.answer, poolId);
  const settled = await api.until(`the money of decision ${decision.id}`, async () => {
    const read = await api.read(`/coordination/meetings/${meetingId}`, as.admin);
    const found = (read.body.decisions as Array<Record<string, any>> | undefined)?.find((x) => x.id === decision.id);
    return found?.funding?.status === 'requested' ? undefined : found;
  });
  const expected = d.answer === 'approve' ? 'allocated' : 'declined';
  if (settled?.funding?.status !== expected) throw new Error(`decision ${decision.id}: ${JSON.stringify(settled?.funding)}, not ${expected}`);
}

/** Finance answers the funding request that `ref` (a decision, a remediation plan) opened. */
async function decideFunding(api: ChaosApi, as: Callers, ref: string, answer: 'approve' | 'decline', poolId: string): Promise<void> {
  const request = await api.until(`the funding request for ${ref}`, async () => {
    const list = await api.read('/funding/requests?status=open&limit=100', as.finance);
    return (list.body.items as Array<Record<string, any>> | undefined)?.find((r) => r.ref === ref);
  });
  const decided = await api.write('POST', `/funding/requests/${request.id}/decision`, as.finance, {
    body: answer === 'approve' ? { decision: 'approve', poolId } : { decision: 'decline', reason: 'Not this year.' },
    applied: async () => (await api.read(`/funding/requests/${request.id}`, as.finance)).body.status !== 'open',
  });
  if (decided.status < 500) expectStatus(decided, 200, `the decision on funding request ${request.id}`);
}

async function remediation(api: ChaosApi, as: Callers, r: Plan['remediations'][number], pools: Map<string, string>): Promise<void> {
  const { official } = as.street[r.street]!;
  const community = `${r.street}/C02`;
  const path = slug(community);
  expectStatus(
    await api.write('POST', '/premises/sites', official, {
      body: { community, address: `${community} Back Lane 2`, areaM2: 100, residentActivityAreaM2: 60, tenure: 'owned', uses: ['office', 'service'] },
    }),
    201,
    `the small site of ${community}`,
  );
  const households = await api.write('POST', `/premises/communities/${path}/households`, official, {
    body: { households: 1500 },
    applied: async () => (await api.read(`/premises/communities/${path}/compliance`, official)).body.households === 1500,
  });
  if (households.status < 500) expectStatus(households, 200, `the households of ${community}`);
  const plan = expectStatus(
    await api.write('POST', `/premises/communities/${path}/remediation`, official, {
      body: { plan: 'Rent a second room for the service station.', dueBy: '2027-12-31', amountFen: r.amountFen, purpose: 'Rent' },
    }),
    201,
    `the remediation of ${community}`,
  );
  await decideFunding(api, as, plan.id, r.answer, pools.get(r.street)!);
  const answered = await api.until(`the funding answer of remediation ${plan.id}`, async () => {
    const list = await api.read(`/premises/communities/${path}/remediation`, official);
    const found = (list.body.items as Array<Record<string, any>> | undefined)?.find((x) => x.id === plan.id);
    return found?.status === 'funding-requested' ? undefined : found;
  });
  const expected = r.answer === 'approve' ? 'funded' : 'funding-declined';
  if (answered?.status !== expected) throw new Error(`remediation ${plan.id}: ${answered?.status}, not ${expected}`);
}

async function position(api: ChaosApi, as: Callers, p: Plan['positions'][number]): Promise<void> {
  const drafted = expectStatus(
    await api.write('POST', '/recruitment/positions', as.org, {
      body: {
        title: 'Community affairs officer',
        street: p.street,
        kind: 'career-establishment',
        quota: p.quota,
        eligibility: { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3, maxAge: 35, minEducation: 'vocational-college' },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        year: PLAN_YEAR,
      },
    }),
    201,
    'the position',
  );
  const published = await api.write('POST', `/recruitment/positions/${drafted.id}/publish`, as.org, {
    applied: async () => (await api.read(`/recruitment/positions/${drafted.id}`)).body.status === 'published',
  });
  if (published.status < 500) expectStatus(published, 200, `publishing position ${drafted.id}`);
}

async function issue(api: ChaosApi, as: Callers, i: Plan['issues'][number]): Promise<void> {
  const raised = expectStatus(
    await api.write('POST', '/coordination/issues', as.street[i.street]!.official, {
      body: { category: 'property-management', urgency: 'general', departments: [i.department], description: 'The lift of Block 4 has been broken for a week.', location: 'Block 4' },
    }),
    201,
    'the issue',
  );
  const department = as.department[i.department]!;
  const acknowledged = await api.write('POST', `/coordination/issues/${raised.id}/acknowledge`, department, {
    applied: async () => (await api.read(`/coordination/issues/${raised.id}`, department)).body.responses?.[i.department]?.status !== 'open',
  });
  if (acknowledged.status < 500) expectStatus(acknowledged, 200, `acknowledging issue ${raised.id}`);
}

/** `D01/S03/C01` → `D01-S03-C01`, as paths name jurisdictions. */
const slug = (jurisdiction: string) => jurisdiction.replaceAll('/', '-');

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

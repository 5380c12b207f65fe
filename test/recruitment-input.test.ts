import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteTable } from '../kernel/routes.ts';
import { routes as recruitmentRoutes } from '../services/recruitment/routes.ts';
import { recruitment } from '../services/recruitment/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { fittingProfile, planBody, positionBody, recruitmentTokens, type RecruitmentTokens } from './support/recruitment.ts';

/**
 * Every recruitment route, walked from its route table: without a token a protected route is 401 and
 * a public one answers; bad input is 400 naming the field; none of these writes anything.
 */
/** As plain route specs: the table's literal types do not all name `public` or `body`. */
const routes: RouteTable = recruitmentRoutes;
let t: TestCloud;
let as: RecruitmentTokens;
let resident: string;
let department: string;
const ID = '01JAAAAAAAAAAAAAAAAAAAAAAA';

beforeAll(async () => {
  t = await startTestCloud({ services: [recruitment] });
  as = await recruitmentTokens(t);
  resident = await as.resident('resident-input');
  department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
});
afterAll(() => t?.stop());

const fill = (path: string) => path.replace('{id}', ID).replace('{district}', 'D01').replace('{year}', '2030').replace('{street}', 'D01-S03');

async function writesNothing(act: () => Promise<void>): Promise<void> {
  const before = await t.count('recruitment');
  await act();
  expect(await t.count('recruitment')).toBe(before);
}

describe('tokens', () => {
  const all = Object.entries(routes);

  for (const [name, route] of all.filter(([, r]) => !r.access.public)) {
    it(`${route.method} ${route.path} (${name}) without a token is 401 and writes nothing`, async () => {
      await writesNothing(async () => {
        const response = await t.api(route.method, fill(route.path), route.body ? { body: {} } : {});
        expect(response.status).toBe(401);
      });
    });
  }

  for (const [name, route] of all.filter(([, r]) => r.access.public)) {
    it(`${route.method} ${route.path} (${name}) is public: answered without a token`, async () => {
      const response = await t.api(route.method, fill(route.path));
      expect([200, 404]).toContain(response.status);
    });
  }

  it('the public routes are exactly the job board’s list and detail', () => {
    expect(all.filter(([, r]) => r.access.public).map(([name]) => name)).toEqual(['listPositions', 'getPosition']);
  });
});

type Who = 'org' | 'officialS03' | 'resident' | 'department';
const cases: Array<{ rule: string; who: Who; method: string; path: string; body?: unknown; field: string }> = [
  { rule: 'a nomination without a nominee', who: 'department', method: 'POST', path: '/recruitment/appointments', body: { street: 'D01/S03', agency: 'Station', reason: 'x' }, field: 'body.nominee' },
  { rule: 'nominations of a department that is no slug', who: 'department', method: 'GET', path: '/recruitment/appointments?department=Not%20A%20Slug', field: 'query.department' },
  { rule: 'an appointment with a malformed id', who: 'department', method: 'GET', path: '/recruitment/appointments/nope', field: 'path.id' },
  { rule: 'a plan with a street of another district', who: 'org', method: 'POST', path: '/recruitment/plans', body: planBody({ streets: [{ street: 'D02/S01', posts: 3, reserved: 0 }] }), field: 'body.streets.0.street' },
  { rule: 'a plan reserving more posts than it has', who: 'org', method: 'POST', path: '/recruitment/plans', body: planBody({ streets: [{ street: 'D01/S03', posts: 3, reserved: 4 }] }), field: 'body.streets.0.reserved' },
  { rule: 'a plan naming a street twice', who: 'org', method: 'POST', path: '/recruitment/plans', body: planBody({ streets: [{ street: 'D01/S03', posts: 3, reserved: 0 }, { street: 'D01/S03', posts: 1, reserved: 0 }] }), field: 'body.streets.1.street' },
  { rule: 'a plan for the year 1999', who: 'org', method: 'POST', path: '/recruitment/plans', body: planBody({ year: 1999 }), field: 'body.year' },
  { rule: 'a plan with an unknown field', who: 'org', method: 'POST', path: '/recruitment/plans', body: planBody({ budget: 1 }), field: 'body.budget' },
  { rule: 'a plan of a year that is not a number', who: 'org', method: 'GET', path: '/recruitment/plans/D01/next', field: 'path.year' },
  { rule: 'a position with quota 0', who: 'org', method: 'POST', path: '/recruitment/positions', body: positionBody({ quota: 0 }), field: 'body.quota' },
  { rule: 'a position with a quota above 25', who: 'org', method: 'POST', path: '/recruitment/positions', body: positionBody({ quota: 26 }), field: 'body.quota' },
  { rule: 'a position closing before it opens', who: 'org', method: 'POST', path: '/recruitment/positions', body: positionBody({ closesAt: '2020-01-01T00:00:00Z' }), field: 'body.closesAt' },
  { rule: 'a position of an unknown kind', who: 'org', method: 'POST', path: '/recruitment/positions', body: positionBody({ kind: 'manager' }), field: 'body.kind' },
  { rule: 'a position with no source pool', who: 'org', method: 'POST', path: '/recruitment/positions', body: positionBody({ eligibility: { sourcePools: [] } }), field: 'body.eligibility.sourcePools' },
  { rule: 'a position opening "tomorrow"', who: 'officialS03', method: 'POST', path: '/recruitment/positions', body: positionBody({ opensAt: 'tomorrow' }), field: 'body.opensAt' },
  { rule: 'publishing a malformed id', who: 'org', method: 'POST', path: '/recruitment/positions/nope/publish', field: 'path.id' },
  { rule: 'the board filtered by draft', who: 'resident', method: 'GET', path: '/recruitment/positions?status=draft', field: 'query.status' },
  { rule: 'the board in pages of half a position', who: 'resident', method: 'GET', path: '/recruitment/positions?limit=0.5', field: 'query.limit' },
  { rule: 'the board of street "S03"', who: 'resident', method: 'GET', path: '/recruitment/positions?street=S03', field: 'query.street' },
  { rule: 'the board with a made-up cursor', who: 'resident', method: 'GET', path: '/recruitment/positions?cursor=bm90LWEtY3Vyc29y', field: 'query.cursor' },
  { rule: 'a position with a malformed id', who: 'resident', method: 'GET', path: '/recruitment/positions/123', field: 'path.id' },
  { rule: 'closing a malformed id', who: 'org', method: 'POST', path: '/recruitment/positions/123/close', field: 'path.id' },
  { rule: 'an application born in the future', who: 'resident', method: 'POST', path: `/recruitment/positions/${ID}/applications`, body: { name: 'A', profile: { ...fittingProfile, birthDate: '2999-01-01' } }, field: 'body.profile.birthDate' },
  { rule: 'an application with an unknown education', who: 'resident', method: 'POST', path: `/recruitment/positions/${ID}/applications`, body: { name: 'A', profile: { ...fittingProfile, education: 'phd' } }, field: 'body.profile.education' },
  { rule: 'an application without a name', who: 'resident', method: 'POST', path: `/recruitment/positions/${ID}/applications`, body: { profile: fittingProfile }, field: 'body.name' },
  { rule: 'an application with negative service', who: 'resident', method: 'POST', path: `/recruitment/positions/${ID}/applications`, body: { name: 'A', profile: { ...fittingProfile, yearsOfService: -1 } }, field: 'body.profile.yearsOfService' },
  { rule: 'own applications in pages of 0', who: 'resident', method: 'GET', path: '/recruitment/me/applications?limit=0', field: 'query.limit' },
  { rule: 'applications of a status that does not exist', who: 'org', method: 'GET', path: `/recruitment/positions/${ID}/applications?status=won`, field: 'query.status' },
  { rule: 'a score of 101', who: 'org', method: 'POST', path: `/recruitment/applications/${ID}/score`, body: { score: 101 }, field: 'body.score' },
  { rule: 'a score in words', who: 'org', method: 'POST', path: `/recruitment/applications/${ID}/score`, body: { score: 'high' }, field: 'body.score' },
  { rule: 'the roster of a district', who: 'officialS03', method: 'GET', path: '/recruitment/staff?street=D01', field: 'query.street' },
  { rule: 'a staff record with a malformed id', who: 'officialS03', method: 'GET', path: '/recruitment/staff/42', field: 'path.id' },
  { rule: 'a secondment ending before it starts', who: 'officialS03', method: 'POST', path: `/recruitment/staff/${ID}/secondments`, body: { toUnit: 'Bureau', startsOn: '2025-05-01', endsOn: '2025-04-01' }, field: 'body.endsOn' },
  { rule: 'a secondment from the 13th month', who: 'officialS03', method: 'POST', path: `/recruitment/staff/${ID}/secondments`, body: { toUnit: 'Bureau', startsOn: '2025-13-01', endsOn: '2025-14-01' }, field: 'body.startsOn' },
  { rule: 'a secondment to no unit', who: 'officialS03', method: 'POST', path: `/recruitment/staff/${ID}/secondments`, body: { startsOn: '2025-05-01', endsOn: '2025-06-01' }, field: 'body.toUnit' },
  { rule: 'recalling a malformed id', who: 'officialS03', method: 'POST', path: '/recruitment/secondments/x/end', field: 'path.id' },
  { rule: 'an approval without its document number', who: 'officialS03', method: 'POST', path: `/recruitment/secondments/${ID}/approval`, body: { approvalRef: '   ' }, field: 'body.approvalRef' },
  { rule: 'an approval of a malformed id', who: 'officialS03', method: 'POST', path: '/recruitment/secondments/x/approval', body: { approvalRef: 'D01-ORG-1' }, field: 'path.id' },
  { rule: 'secondments of a status that does not exist', who: 'officialS03', method: 'GET', path: '/recruitment/secondments?status=open', field: 'query.status' },
  { rule: 'staffing of street "S03"', who: 'officialS03', method: 'GET', path: '/recruitment/streets/S03/staffing', field: 'path.street' },
  { rule: 'drafts of street "S03"', who: 'org', method: 'GET', path: '/recruitment/streets/S03/draft-positions', field: 'path.street' },
  { rule: 'drafts in pages of 0', who: 'org', method: 'GET', path: '/recruitment/streets/D01-S03/draft-positions?limit=0', field: 'query.limit' },
];

describe('bad input is 400, names the field and writes nothing', () => {
  for (const c of cases) {
    it(`${c.rule} (${c.method} ${c.path.split('?')[0]}) names ${c.field}`, async () => {
      const token = c.who === 'resident' ? resident : c.who === 'department' ? department : as[c.who];
      await writesNothing(async () => {
        const response = await t.api(c.method, c.path, { token, ...(c.body !== undefined ? { body: c.body } : {}) });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(c.field);
      });
    });
  }

  it('every route with input has at least one bad-input case here', () => {
    const covered = new Set(cases.map((c) => `${c.method} ${c.path.split('?')[0]}`));
    const pattern = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const withInput = Object.values(routes).filter((r) => r.params || r.query || r.body);
    for (const route of withInput) {
      expect([...covered].some((key) => key.startsWith(`${route.method} `) && pattern(route.path).test(key.slice(route.method.length + 1))), `${route.method} ${route.path}`).toBe(true);
    }
  });
});

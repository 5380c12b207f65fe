import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inParallel } from './support/authority.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { shapeOf, withValue, type Path } from './support/hostile-bodies.ts';
import { allowedToken, concretePath, routeEntries, sampleOf, tablesDigest } from './support/route-schemas.ts';
import { consentCaseFor, drained, nominate, nomination, published, sagaTokens } from './support/saga.ts';

/** Bad input gets a clear 4xx problem body naming the field, and writes nothing. */
let t: TestCloud;
let department: string;
let committee: string;
let decisionPath: string;

beforeAll(async () => {
  t = await startTestCloud();
  ({ department, committee } = await sagaTokens(t));
  const requested = await nominate(t, department);
  const consentCase = await consentCaseFor(t, committee, requested.body.id);
  decisionPath = `/authority/consents/${consentCase.id}/decision`;
  // Recruitment notes the open case on the appointment (a write the counts below would see): wait
  // for that to be done, not only for the queues to be empty, since the relay brings it after them.
  await published(t, 'AppointmentConsentCaseNoted', requested.body.id);
  await drained(t);
});
afterAll(() => t?.stop());

const oneMegabyte = 'x'.repeat(1024 * 1024);

const cases: Array<{ rule: string; endpoint: 'nominate' | 'decide'; body?: unknown; raw?: string; status: number; field: string }> = [
  { rule: 'a nomination without a street', endpoint: 'nominate', body: { ...nomination, street: undefined }, status: 400, field: 'body.street' },
  { rule: 'a nomination with a numeric nominee', endpoint: 'nominate', body: { ...nomination, nominee: 42 }, status: 400, field: 'body.nominee' },
  { rule: 'a nomination with an unknown field', endpoint: 'nominate', body: { ...nomination, salary: 1 }, status: 400, field: 'body.salary' },
  { rule: 'a nomination for a malformed street', endpoint: 'nominate', body: { ...nomination, street: 'S03' }, status: 400, field: 'body.street' },
  { rule: 'a nomination of 1 MB', endpoint: 'nominate', body: { ...nomination, reason: oneMegabyte }, status: 413, field: 'body' },
  { rule: 'a nomination that is not JSON', endpoint: 'nominate', raw: '{"street": ', status: 400, field: 'body' },
  { rule: 'a decision without a written opinion', endpoint: 'decide', body: { decision: 'granted' }, status: 400, field: 'body.writtenOpinion' },
  { rule: 'a blank written opinion', endpoint: 'decide', body: { decision: 'granted', writtenOpinion: '   ' }, status: 400, field: 'body.writtenOpinion' },
  { rule: 'a decision that is neither granted nor refused', endpoint: 'decide', body: { decision: 'maybe', writtenOpinion: 'x' }, status: 400, field: 'body.decision' },
  { rule: 'a decision with an unknown field', endpoint: 'decide', body: { decision: 'granted', writtenOpinion: 'x', by: 'me' }, status: 400, field: 'body.by' },
  { rule: 'a decision of 1 MB', endpoint: 'decide', body: { decision: 'granted', writtenOpinion: oneMegabyte }, status: 413, field: 'body' },
  { rule: 'a decision as an array', endpoint: 'decide', body: [], status: 400, field: 'body' },
];

describe('bad input on the saga’s two endpoints', () => {
  for (const c of cases) {
    it(`${c.rule} is ${c.status}, names ${c.field} and writes nothing`, async () => {
      const before = { recruitment: await t.count('recruitment'), authority: await t.count('authority') };
      const response = await t.api('POST', c.endpoint === 'nominate' ? '/recruitment/appointments' : decisionPath, {
        token: c.endpoint === 'nominate' ? department : committee,
        ...(c.raw !== undefined ? { rawBody: c.raw } : { body: c.body }),
      });
      expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body.status).toBe(c.status);
      expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(c.field);
      expect({ recruitment: await t.count('recruitment'), authority: await t.count('authority') }).toEqual(before);
    });
  }

  it('a malformed token is 401 on both endpoints and writes nothing', async () => {
    const before = await t.count('authority');
    for (const token of ['not-a-jwt', `${committee.slice(0, -4)}AAAA`]) {
      expect((await t.api('POST', '/recruitment/appointments', { token, body: nomination })).status).toBe(401);
      expect((await t.api('POST', decisionPath, { token, body: { decision: 'granted', writtenOpinion: 'x' } })).status).toBe(401);
    }
    expect((await t.api('POST', decisionPath, { body: { decision: 'granted', writtenOpinion: 'x' } })).status).toBe(401);
    expect(await t.count('authority')).toBe(before);
  });

  it('a token for the wrong role is 403 with a problem body', async () => {
    const resident = await t.token({ roles: ['resident'], jurisdiction: 'D01/S03' });
    const response = await t.api('POST', decisionPath, { token: resident, body: { decision: 'granted', writtenOpinion: 'x' } });
    expect(response.status).toBe(403);
    expect(response.body.type).toMatch(/forbidden$/);
  });

  it('an unknown appointment is 404 and a malformed id is 400', async () => {
    expect((await t.api('GET', '/recruitment/appointments/01JAAAAAAAAAAAAAAAAAAAAAAA', { token: department })).status).toBe(404);
    const malformed = await t.api('GET', '/recruitment/appointments/nope', { token: department });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('path.id');
  });

  it('the case is still pending after all that', async () => {
    const list = await t.api('GET', '/authority/consents?status=pending', { token: committee });
    expect(list.body.items).toHaveLength(1);
  });
});

describe('a body that is not UTF-8, on every route with a body', () => {
  /** Bytes no UTF-8 decoder accepts, and what a lossy one makes of them. */
  const NOT_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28]);
  const LOSSY = NOT_UTF8.toString('utf8');
  const MARK = '\u0001not-utf8\u0001';
  const bodyRoutes = routeEntries.filter(({ route }) => route.body);

  /**
   * The route's sample body with the bytes appended to one of its strings: one where the lossy
   * decoding would still pass the body schema where there is such a string, so that without the
   * check the request would be taken and the replacement characters stored.
   */
  function notUtf8Body(entry: (typeof bodyRoutes)[number]) {
    const base = sampleOf(entry.route.body!).value;
    const strings = shapeOf(base).strings;
    const valueAt = (path: Path) => path.reduce<any>((value, step) => value[step], base);
    const lossyValid = (path: Path) => entry.route.body!.safeParse(JSON.parse(withValue(base, path, `${valueAt(path)}${LOSSY}`))).success;
    const path = strings.find(lossyValid) ?? strings[0];
    const text = path ? withValue(base, path, `${valueAt(path)}${MARK}`) : JSON.stringify({ [MARK]: base });
    const [before, after] = text.split(JSON.stringify(MARK).slice(1, -1));
    return { bytes: Buffer.concat([Buffer.from(before!), NOT_UTF8, Buffer.from(after!)]), wouldBeTaken: path !== undefined && lossyValid(path) };
  }

  it('is 400 naming body, a problem body, and writes nothing', async () => {
    expect(bodyRoutes.length).toBeGreaterThan(0);
    const before = await tablesDigest(t);
    const failures: string[] = [];
    let wouldBeTaken = 0;
    await inParallel(bodyRoutes, 4, async (entry) => {
      const body = notUtf8Body(entry);
      if (body.wouldBeTaken) wouldBeTaken++;
      const token = await allowedToken(t, entry.route);
      const response = await fetch(t.cloud.url + concretePath(entry.route), {
        method: entry.route.method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body.bytes,
      });
      const problem = (await response.json()) as { errors?: Array<{ field: string }> };
      if (response.status !== 400 || response.headers.get('content-type') !== 'application/problem+json' || !problem.errors?.some((e) => e.field === 'body')) {
        failures.push(`${entry.key}: ${response.status} ${JSON.stringify(problem).slice(0, 200)}`);
      }
    });
    expect(failures).toEqual([]);
    expect(await tablesDigest(t)).toEqual(before);
    console.log(`not UTF-8: ${bodyRoutes.length} routes with a body refuse it with 400 naming body; on ${wouldBeTaken} of them a lossy decoding would have passed the body schema`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inParallel } from '../support/authority.ts';
import { startTestCloud, type TestCloud } from '../support/cloud.ts';
import { fieldOf, hostileCases, KINDS, names, shapeOf, valueAt, withValue } from '../support/hostile-bodies.ts';
import { allowedToken, concretePath, routeEntries, sampleOf, tablesDigest } from '../support/route-schemas.ts';

/**
 * Issue 8, part 3: for every route with a body, 200 hostile bodies generated from its zod schema
 * (test/support/hostile-bodies.ts), each changing one field of a valid-shaped body, sent through the
 * local gateway with a token of an allowed role (the role gate runs before parsing) and valid path
 * parameters. Each is refused with a problem body naming the field (413 naming `body` over the size
 * limit), never a 5xx; no table changes across a route's cases, and nothing reaches Object.prototype
 * of this process, where the handlers run.
 */
const CASES_PER_ROUTE = 200;
/** Requests in flight at once: enough to keep the gateway busy, few enough for a loaded 2-core machine. */
const WIDTH = 6;
/** A new seed each run (printed); HOSTILE_SEED=n replays a run's cases exactly. */
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);

const bodyRoutes = routeEntries.filter(({ route }) => route.body);
let t: TestCloud;
const tally = { cases: 0, byStatus: new Map<number, number>(), byKind: new Map<string, number>(), validBases: 0, textFields: 0 };

beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
});
afterAll(async () => {
  await t?.stop();
  const kinds = KINDS.map((kind) => `${kind} ${tally.byKind.get(kind) ?? 0}`).join(', ');
  const statuses = [...tally.byStatus].map(([status, n]) => `${n} × ${status}`).join(', ');
  console.log(
    `hostile bodies: ${bodyRoutes.length} routes with a body covered, ${tally.cases} cases generated and sent (${statuses}; ${kinds}); ${tally.validBases} of ${bodyRoutes.length} base bodies fully valid; a lone surrogate and a NUL refused in each of ${tally.textFields} string fields; seed ${SEED}`,
  );
});

describe('hostile bodies on every route with a body', () => {
  it('covers every route with a body', () => {
    expect(bodyRoutes.length).toBeGreaterThan(0);
  });

  it('a lone surrogate or a NUL in any string field of any body is refused naming it (kernel/text.ts), writing nothing', async () => {
    const before = await tablesDigest(t);
    const cases = bodyRoutes.flatMap(({ key, route }) => {
      const base = sampleOf(route.body!).value;
      return shapeOf(base).strings.flatMap((path) =>
        ['\uD800', '\u0000'].map((edge) => ({ key, route, field: fieldOf(path), text: withValue(base, path, `${String(valueAt(base, path))}${edge}`) })),
      );
    });
    const failures: string[] = [];
    await inParallel(cases, WIDTH, async ({ key, route, field, text }) => {
      const token = await allowedToken(t, route);
      const response = await t.api(route.method, concretePath(route), { ...(token ? { token } : {}), rawBody: text });
      const reported = ((response.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
      if (response.status !== 400 || !reported.includes(field)) failures.push(`${key} ${field}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    });
    expect(failures).toEqual([]);
    expect(await tablesDigest(t)).toEqual(before);
    tally.textFields = cases.length / 2;
  });

  for (const [index, { key, route }] of bodyRoutes.entries()) {
    it(`${key}: ${CASES_PER_ROUTE} hostile bodies, each refused naming its field, nothing written`, async () => {
      const token = await allowedToken(t, route);
      const path = concretePath(route);
      const base = sampleOf(route.body!);
      if (base.valid) tally.validBases++;
      const cases = hostileCases(route, base.value, CASES_PER_ROUTE, SEED + index);
      expect(cases).toHaveLength(CASES_PER_ROUTE);

      const before = await tablesDigest(t);
      const failures: string[] = [];
      await inParallel(cases, WIDTH, async (hostile) => {
        const response = await t.api(route.method, path, { ...(token ? { token } : {}), rawBody: hostile.text });
        tally.cases++;
        tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
        tally.byKind.set(hostile.kind, (tally.byKind.get(hostile.kind) ?? 0) + 1);
        const reported = ((response.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
        const ok =
          response.status === hostile.expected.status &&
          response.headers.get('content-type') === 'application/problem+json' &&
          response.body.status === response.status &&
          reported.some((field) => names(field, hostile.expected.field));
        if (!ok && failures.length < 5) {
          failures.push(
            `${hostile.kind} at ${hostile.field}: expected ${hostile.expected.status} naming ${hostile.expected.field}, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)} for ${hostile.text.slice(0, 200)}`,
          );
        }
      });
      expect(failures, `reproduce with HOSTILE_SEED=${SEED}`).toEqual([]);
      expect(await tablesDigest(t)).toEqual(before);
      expect(Object.prototype).not.toHaveProperty('polluted');
    }, 120_000);
  }
});

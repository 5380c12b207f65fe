import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, MAX_PAGE_SIZE, type RouteSpec } from '../../kernel/routes.ts';
import { inParallel, power } from '../support/authority.ts';
import { startTestCloud, type TestCloud } from '../support/cloud.ts';
import {
  allowedRole,
  arrayBounds,
  concretePath,
  routeEntries,
  sampleOf,
  tablesDigest,
  unboundedCollections,
  type RouteEntry,
} from '../support/route-schemas.ts';

/**
 * Issue 8, part 5 (OWASP API4, unrestricted resource consumption), from the route tables:
 * - bodies over a route's limit are 413 from the function, which is the check that counts: API
 *   Gateway's own ceiling (10 MB for HTTP APIs, not configurable; the local gateway has the same)
 *   is far above it, and each limit must stay under what Lambda accepts as a synchronous event;
 * - `limit` above the page maximum is taken as the maximum on every list route;
 * - every array in every body schema has a maximum length, and one element more is refused.
 */
let t: TestCloud;
const bodyRoutes = routeEntries.filter(({ route }) => route.body);
const limitOf = (route: RouteSpec) => route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
/** API Gateway HTTP API's payload quota, and Lambda's for a synchronous invocation's event. */
const API_GATEWAY_MAX_BYTES = 10 * 1024 * 1024;
const LAMBDA_SYNC_EVENT_BYTES = 6 * 1024 * 1024;

/** A token of the route's first role whose jurisdiction is the district its sample path and query name. */
async function tokenFor(route: RouteSpec, url: string): Promise<string | undefined> {
  const role = allowedRole(route);
  const district = /D\d{2}/.exec(url)?.[0] ?? 'D01';
  return role ? t.token({ roles: [role], jurisdiction: district, department: 'market-supervision' }) : undefined;
}

/** A JSON object of exactly `bytes` bytes: one padding field. */
function paddedBody(bytes: number): string {
  const frame = '{"padding":""}';
  return `{"padding":"${'x'.repeat(bytes - frame.length)}"}`;
}

const figures: string[] = [];
beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
});
afterAll(async () => {
  console.log(`limits: ${figures.join('; ')}`);
  await t?.stop();
});

describe('body size', () => {
  it('every route limit is one the function itself enforces in AWS: far under what API Gateway and Lambda let through', () => {
    for (const { key, route } of bodyRoutes) {
      // API Gateway may hand a body over base64-encoded (4/3 larger); the event has headers and context besides.
      expect(Math.ceil((limitOf(route) * 4) / 3) + 256 * 1024, key).toBeLessThan(LAMBDA_SYNC_EVENT_BYTES);
    }
    expect(LAMBDA_SYNC_EVENT_BYTES).toBeLessThan(API_GATEWAY_MAX_BYTES);
  });

  it('one byte over the limit is 413 naming body on every route with a body; at the limit it is read', async () => {
    const before = await tablesDigest(t);
    const failures: string[] = [];
    await inParallel(bodyRoutes, 4, async ({ key, route }) => {
      const path = concretePath(route);
      const token = await tokenFor(route, path);
      const over = await t.api(route.method, path, { ...(token ? { token } : {}), rawBody: paddedBody(limitOf(route) + 1) });
      const fields = ((over.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
      if (over.status !== 413 || over.headers.get('content-type') !== 'application/problem+json' || !fields.includes('body')) {
        failures.push(`${key} over the limit: ${over.status} ${JSON.stringify(over.body).slice(0, 200)}`);
      }
      // At the limit the body is parsed: refused for its unknown field, not for its size.
      const at = await t.api(route.method, path, { ...(token ? { token } : {}), rawBody: paddedBody(limitOf(route)) });
      if (at.status !== 400) failures.push(`${key} at the limit: ${at.status} ${JSON.stringify(at.body).slice(0, 200)}`);
    });
    expect(failures).toEqual([]);
    expect(await tablesDigest(t)).toEqual(before);
    figures.push(`${bodyRoutes.length} routes with a body refuse ${DEFAULT_MAX_BODY_BYTES + 1} bytes with 413`);
  });

  it('above API Gateway’s 10 MB the local gateway answers 413 itself, as API Gateway does, before any function', async () => {
    const { route } = bodyRoutes[0]!;
    const response = await t.api(route.method, concretePath(route), { rawBody: paddedBody(API_GATEWAY_MAX_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ message: 'Request Entity Too Large' });
  });
});

describe('page size', () => {
  const listRoutes = routeEntries.filter(({ route }) => route.query && 'limit' in route.query.shape);

  /** The route's path and its query parameters as sampled (filters some callers must name), with `limit`. */
  function listUrl(entry: RouteEntry, limit: number): string {
    const sample = sampleOf(entry.route.query!).value as Record<string, unknown>;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(sample)) if (name !== 'cursor') params.set(name, String(value));
    params.set('limit', String(limit));
    return `${concretePath(entry.route)}?${params}`;
  }

  /** Every page in a response: its `items`, or a page inside it (a summary with its pools). */
  function pagesIn(body: unknown): unknown[][] {
    if (!body || typeof body !== 'object') return [];
    const own = Array.isArray((body as { items?: unknown }).items) ? [(body as { items: unknown[] }).items] : [];
    return [...own, ...Object.values(body).flatMap((value) => (Array.isArray(value) ? [] : pagesIn(value)))];
  }

  it(`limit=10000 is taken as ${MAX_PAGE_SIZE} on every list route, not refused`, async () => {
    expect(listRoutes.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let pages = 0;
    await inParallel(listRoutes, 4, async (entry) => {
      const url = listUrl(entry, 10_000);
      const token = await tokenFor(entry.route, url);
      const response = await t.api('GET', url, token ? { token } : {});
      // An unknown parent (a pool, a position that is not there) is 404; anything else must be a page.
      if (response.status === 404) return;
      pages++;
      const found = pagesIn(response.body);
      if (response.status !== 200 || found.length === 0 || found.some((items) => items.length > MAX_PAGE_SIZE)) {
        failures.push(`${entry.key}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    });
    expect(failures).toEqual([]);
    figures.push(
      `${listRoutes.length} list routes take limit=10000 (${pages} answer a page of at most ${MAX_PAGE_SIZE} items, ${listRoutes.length - pages} 404 for a sampled parent that does not exist)`,
    );
  });

  it(`a list of ${MAX_PAGE_SIZE + 5} items asked for 10000 gives ${MAX_PAGE_SIZE} and a cursor to the rest`, async () => {
    const admin = await t.token({ roles: ['district-admin'], jurisdiction: 'D01' });
    const codes = Array.from({ length: MAX_PAGE_SIZE + 5 }, (_, i) => `LIM-${String(i).padStart(4, '0')}`);
    await inParallel(codes, 4, async (code) => {
      expect((await t.api('POST', '/authority/powers', { token: admin, body: power(code) })).status).toBe(201);
    });
    const first = await t.api('GET', '/authority/powers?limit=10000');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(MAX_PAGE_SIZE);
    expect(first.body.cursor).toEqual(expect.any(String));
    const rest = await t.api('GET', `/authority/powers?limit=10000&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(rest.body.items).toHaveLength(5);
    expect(rest.body.cursor).toBeUndefined();
  }, 90_000);

  it('a limit that is no page size at all is still 400 naming query.limit', async () => {
    for (const limit of ['0', '-1', '2.5', 'all', 'Infinity']) {
      const response = await t.api('GET', `/authority/powers?limit=${limit}`);
      expect(response.status, limit).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field), limit).toContain('query.limit');
    }
  });
});

describe('array lengths', () => {
  it('every array in every body schema, however deep, has a maximum length', () => {
    const arrays = bodyRoutes.flatMap(({ route }) => arrayBounds(route.body!));
    expect(arrays.length).toBeGreaterThan(0);
    expect(bodyRoutes.flatMap(({ key, route }) => unboundedCollections(route.body!).map((where) => `${key} ${where}`))).toEqual([]);
    figures.push(`${arrays.length} arrays in ${bodyRoutes.length} body schemas, each with a maximum length`);
  });

  it('one element over the maximum is 400 naming the array, and writes nothing', async () => {
    const before = await tablesDigest(t);
    const cases = bodyRoutes.flatMap(({ key, route }) =>
      arrayBounds(route.body!).map(({ path, max }) => ({ key, route, path: path.map((step) => (step === '*' ? '0' : step)), max: max! })),
    );
    const failures: string[] = [];
    await inParallel(cases, 4, async ({ key, route, path, max }) => {
      const body = structuredClone(sampleOf(route.body!).value) as Record<string, any>;
      const parent = path.slice(0, -1).reduce<Record<string, any>>((value, step) => value[step], body);
      const array = parent[path[path.length - 1]!] as unknown[];
      parent[path[path.length - 1]!] = Array.from({ length: max + 1 }, () => structuredClone(array[0]));
      const url = concretePath(route);
      const token = await tokenFor(route, url);
      const response = await t.api(route.method, url, { ...(token ? { token } : {}), body });
      const field = ['body', ...path].join('.');
      const issues = ((response.body.errors ?? []) as Array<{ field: string; message: string }>).filter((e) => e.field === field);
      if (response.status !== 400 || !issues.some((e) => e.message.includes(String(max)))) {
        failures.push(`${key} ${field} with ${max + 1}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
      }
    });
    expect(failures).toEqual([]);
    expect(await tablesDigest(t)).toEqual(before);
  });
});

import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/issuer.ts';
import type { Role } from '../../kernel/roles.ts';
import { inParallel } from '../support/authority.ts';
import { startTestCloud, type ApiResponse, type TestCloud } from '../support/cloud.ts';
import { allowedRole, concretePath, protectedRoutes, routeEntries, tablesDigest, type RouteEntry } from '../support/route-schemas.ts';

/**
 * Issue 8, part 2: hostile tokens on every protected route of the route tables, through the local
 * gateway. What API Gateway's JWT authorizer checks (its developer guide, "Authorizing API requests
 * with a JWT authorizer"): the token from the Authorization header, with or without `Bearer`; an
 * RSA signature by the JWKS key the header's `kid` names; `iss`; `aud` (or `client_id` when there
 * is no `aud`); `exp` after now; `nbf` and `iat` before now. Any failure is its 401
 * `{"message":"Unauthorized"}` and the function never runs. The claims of a valid token then reach
 * the function, which decides on them: no `sub` or no valid `custom:jurisdiction` is 401, no role for the route
 * 403, both as problem+json. So each case below says which layer refuses it, and the test checks
 * that layer answered (the gateway's body, or the service's problem body), never a 2xx or a 5xx.
 */
let t: TestCloud;
let otherKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const WIDTH = 8;
const now = () => Math.floor(Date.now() / 1000);

/** The claims a Cognito ID token of this pool carries, for `role` in all of district D01. */
function claims(role: Role): JWTPayload {
  const issuedAt = now();
  return {
    sub: `hostile-${role}`,
    'cognito:groups': [role],
    'custom:jurisdiction': 'D01',
    'custom:department': 'market-supervision',
    token_use: 'id',
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: issuedAt,
    exp: issuedAt + 600,
  };
}

const unsigned = (payload: JWTPayload) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

function without(payload: JWTPayload, name: string): JWTPayload {
  const { [name]: _dropped, ...rest } = payload;
  return rest;
}

interface Variant {
  name: string;
  /** Who refuses it: the gateway's authorizer (API Gateway's 401 body) or the service (problem+json). */
  refusedBy: 'gateway' | 'service';
  status: 401 | 403;
  /** The Authorization header, or undefined for none. */
  header(role: Role): Promise<string | undefined>;
}

const ourKey = (payload: JWTPayload, options?: { kid?: boolean }) => t.cloud.issuer.signPayload(payload, options);
const bearer = async (token: Promise<string>) => `Bearer ${await token}`;

const variants: Variant[] = [
  { name: 'no token', refusedBy: 'gateway', status: 401, header: async () => undefined },
  { name: 'garbage', refusedBy: 'gateway', status: 401, header: async () => 'Bearer not.a.jwt' },
  { name: 'another scheme', refusedBy: 'gateway', status: 401, header: async () => 'Basic aW50cnVkZXI6c2VjcmV0' },
  { name: 'alg: none (unsigned)', refusedBy: 'gateway', status: 401, header: async (role) => `Bearer ${unsigned(claims(role))}` },
  {
    name: 'HS256 signed with the public key as the secret',
    refusedBy: 'gateway',
    status: 401,
    header: (role) =>
      bearer(
        new SignJWT(claims(role))
          .setProtectedHeader({ alg: 'HS256', kid: t.cloud.issuer.jwks.keys[0]!.kid! })
          .sign(new TextEncoder().encode(JSON.stringify(t.cloud.issuer.jwks.keys[0]))),
      ),
  },
  {
    name: 'wrong signature (another key, our kid)',
    refusedBy: 'gateway',
    status: 401,
    header: (role) => bearer(new SignJWT(claims(role)).setProtectedHeader({ alg: 'RS256', kid: t.cloud.issuer.jwks.keys[0]!.kid! }).sign(otherKey)),
  },
  { name: 'no kid', refusedBy: 'gateway', status: 401, header: (role) => bearer(ourKey(claims(role), { kid: false })) },
  { name: 'another issuer', refusedBy: 'gateway', status: 401, header: (role) => bearer(ourKey({ ...claims(role), iss: 'https://cognito-idp.example/other-pool' })) },
  { name: 'wrong audience', refusedBy: 'gateway', status: 401, header: (role) => bearer(ourKey({ ...claims(role), aud: 'another-app-client' })) },
  { name: 'expired', refusedBy: 'gateway', status: 401, header: (role) => bearer(ourKey({ ...claims(role), iat: now() - 7200, exp: now() - 3600 })) },
  { name: 'not yet valid (nbf)', refusedBy: 'gateway', status: 401, header: (role) => bearer(ourKey({ ...claims(role), nbf: now() + 3600 })) },
  { name: 'issued in the future (iat)', refusedBy: 'gateway', status: 401, header: (role) => bearer(ourKey({ ...claims(role), iat: now() + 3600, exp: now() + 7200 })) },
  { name: 'no subject', refusedBy: 'service', status: 401, header: (role) => bearer(ourKey(without(claims(role), 'sub'))) },
  { name: 'jurisdiction claim missing', refusedBy: 'service', status: 401, header: (role) => bearer(ourKey(without(claims(role), 'custom:jurisdiction'))) },
  { name: 'jurisdiction claim malformed', refusedBy: 'service', status: 401, header: (role) => bearer(ourKey({ ...claims(role), 'custom:jurisdiction': 'D01/../*' })) },
  { name: 'groups claim missing', refusedBy: 'service', status: 403, header: (role) => bearer(ourKey(without(claims(role), 'cognito:groups'))) },
  { name: 'groups claim naming no role of ours', refusedBy: 'service', status: 403, header: (role) => bearer(ourKey({ ...claims(role), 'cognito:groups': ['admin', 'root'] })) },
];

async function call(entry: RouteEntry, authorization: string | undefined): Promise<ApiResponse> {
  return t.api(entry.route.method, concretePath(entry.route), { headers: authorization ? { authorization } : {} });
}

/** Why a response is not the refusal `variant` expects, or undefined when it is. */
function mismatch(variant: Variant, response: ApiResponse): string | undefined {
  if (response.status !== variant.status) return `status ${response.status}`;
  if (variant.refusedBy === 'gateway') {
    if (JSON.stringify(response.body) !== '{"message":"Unauthorized"}') return `not the gateway's body: ${JSON.stringify(response.body)}`;
    return response.headers.get('www-authenticate') === 'Bearer' ? undefined : 'no WWW-Authenticate: Bearer';
  }
  if (response.headers.get('content-type') !== 'application/problem+json') return `not problem+json: ${JSON.stringify(response.body)}`;
  return response.body.status === variant.status ? undefined : `problem status ${response.body.status}`;
}

let before: Record<string, string>;
let requests = 0;

beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
  ({ privateKey: otherKey } = await generateKeyPair('RS256'));
  before = await tablesDigest(t);
});
afterAll(async () => {
  console.log(
    `hostile tokens: ${protectedRoutes.length} protected routes × ${variants.length} hostile tokens refused (401 or 403, never 2xx or 5xx), and a bracketed groups string accepted like the array on each; ${requests} requests`,
  );
  await t?.stop();
});

describe('hostile tokens on every protected route', () => {
  for (const variant of variants) {
    it(`${variant.name}: ${variant.status} from the ${variant.refusedBy} on all of them`, async () => {
      const failures: string[] = [];
      await inParallel(protectedRoutes, WIDTH, async (entry) => {
        const response = await call(entry, await variant.header(allowedRole(entry.route)!));
        requests++;
        const why = mismatch(variant, response);
        if (why) failures.push(`${entry.key}: ${why}`);
      });
      expect(failures).toEqual([]);
    });
  }

  // Before the next tests: they call every route as an allowed caller, and some of those (a directory
  // entry from PUT /notifications/me, a calendar feed) rightly write.
  it('the hostile tokens wrote nothing', async () => {
    expect(await tablesDigest(t)).toEqual(before);
  });

  it('a groups claim as the bracketed string API Gateway hands over works like the array', async () => {
    const failures: string[] = [];
    await inParallel(protectedRoutes, WIDTH, async (entry) => {
      const role = allowedRole(entry.route)!;
      const asArray = await call(entry, await bearer(ourKey(claims(role))));
      const asString = await call(entry, await bearer(ourKey({ ...claims(role), 'cognito:groups': `[${role} resident]` })));
      requests += 2;
      const roleGate = /needs one of the roles/.test(String(asString.body.detail));
      if (asString.status === 401 || roleGate || asString.status >= 500 || asString.status !== asArray.status) {
        failures.push(`${entry.key}: array ${asArray.status}, bracketed string ${asString.status} ${JSON.stringify(asString.body).slice(0, 200)}`);
      }
    });
    expect(failures).toEqual([]);
  });

  it('public routes ignore a hostile token: the same answer as without one', async () => {
    const publicRoutes = routeEntries.filter(({ route }) => route.access.public);
    expect(publicRoutes.length).toBeGreaterThan(0);
    for (const entry of publicRoutes) {
      const plain = await call(entry, undefined);
      const hostile = await call(entry, `Bearer ${unsigned(claims('district-admin'))}`);
      requests += 2;
      expect(hostile.status, entry.key).toBe(plain.status);
      expect(hostile.status, entry.key).toBeLessThan(500);
    }
  });

  it('like API Gateway: a token without "Bearer", and an access token with client_id and no aud, pass', async () => {
    const health = routeEntries.find(({ key }) => key === 'GET /recruitment/health')!;
    const token = await ourKey(claims('operator'));
    expect((await call(health, token)).status).toBe(200);
    const access = { ...without(claims('operator'), 'aud'), client_id: LOCAL_AUDIENCE, token_use: 'access' };
    expect((await call(health, await bearer(ourKey(access)))).status).toBe(200);
    // When both are there, API Gateway judges `aud` alone.
    const both = { ...claims('operator'), aud: 'another-app-client', client_id: LOCAL_AUDIENCE };
    expect(mismatch(variants[0]!, await call(health, await bearer(ourKey(both))))).toBeUndefined();
    requests += 3;
  });

});

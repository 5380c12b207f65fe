import { loadIssuer, type TokenClaims } from '../../../infra/local/issuer.ts';
import { waitFor } from '../../../infra/local/wait.ts';
import { E2E_BASE, E2E_DATA_DIR } from './env.ts';

/**
 * What the finance journeys need in place, put there through the API as the district's officials
 * would: a street's budget and a pool for the year, and funding requests from a joint meeting's
 * decisions. The journeys then decide them through the browser only.
 */
const issuer = loadIssuer(E2E_DATA_DIR);
const admin: TokenClaims = { roles: ['district-admin'], jurisdiction: 'D01', sub: 'e2e-district-admin' };
const finance: TokenClaims = { roles: ['finance'], jurisdiction: 'D01', sub: 'e2e-finance' };
/** The fiscal year as China counts it. */
export const FISCAL_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

async function call(method: string, path: string, claims: TokenClaims, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(E2E_BASE + path, {
    method,
    headers: { authorization: `Bearer ${await (await issuer).sign(claims)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

async function expectStatus(what: string, result: { status: number; body: any }, ...statuses: number[]) {
  if (!statuses.includes(result.status)) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** A pool of the street for this year (the street's budget first, once): its id. */
export async function pool(street: string, name: string, amountFen: number): Promise<string> {
  await expectStatus(
    'budget',
    await call('POST', '/funding/budgets', finance, {
      street,
      year: FISCAL_YEAR,
      categories: { personnel: 800_000_000, operations: 200_000_000, 'resident-services': 300_000_000, 'capital-projects': 1_000_000_000 },
    }),
    201,
    409,
  );
  const created = await expectStatus(
    'pool',
    await call('POST', '/funding/pools', finance, {
      street,
      year: FISCAL_YEAR,
      name,
      lines: [{ program: '社区微改造', department: 'housing', amountFen }],
    }),
    201,
  );
  return created.id as string;
}

/** A joint meeting's decision that asks money for the street; once funding has opened its request, the request's id. */
export async function fundingRequest(street: string, purpose: string, amountFen: number): Promise<string> {
  const startsAt = Date.now() + 10 * 86_400_000;
  const meeting = await expectStatus(
    'meeting',
    await call('POST', '/coordination/meetings', admin, {
      title: '区联席会议',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
      hostStreet: street,
      members: { departments: ['housing'], streets: [street] },
    }),
    201,
  );
  const decision = await expectStatus(
    'decision',
    await call('POST', `/coordination/meetings/${meeting.id}/decisions`, admin, {
      title: purpose,
      ownerDepartment: 'housing',
      deadline: new Date(startsAt + 30 * 86_400_000).toISOString().slice(0, 10),
      street,
      fundingFen: amountFen,
      purpose,
    }),
    201,
  );
  return waitFor(
    `the funding request for ${purpose}`,
    async () => {
      const list = await call('GET', '/funding/requests?status=open&limit=100', finance);
      return (list.body.items as Array<{ id: string; ref: string }> | undefined)?.find((r) => r.ref === decision.id)?.id;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

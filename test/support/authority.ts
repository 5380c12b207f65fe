import { waitFor } from '../../infra/local/wait.ts';
import type { BusEvent } from '../../kernel/events.ts';
import type { TestCloud } from './cloud.ts';

/** The callers of the authority service, as real signed tokens from the local issuer. */
export async function authorityTokens(t: TestCloud) {
  const department = (department: string, jurisdiction = 'D01') =>
    t.token({ sub: `${department}-${jurisdiction}-officer`, roles: ['department'], jurisdiction, department });
  const committee = (street: string, sub = `committee-${street}`) => t.token({ sub, roles: ['street-committee'], jurisdiction: street });
  return {
    admin: await t.token({ sub: 'd01-office', roles: ['district-admin'], jurisdiction: 'D01' }),
    otherDistrictAdmin: await t.token({ sub: 'd02-office', roles: ['district-admin'], jurisdiction: 'D02' }),
    /** A district-admin group held by someone whose jurisdiction is a single street. */
    streetLevelAdmin: await t.token({ sub: 's03-admin', roles: ['district-admin'], jurisdiction: 'D01/S03' }),
    market: await department('market-supervision'),
    sanitation: await department('sanitation'),
    otherDistrictMarket: await department('market-supervision', 'D02'),
    noDepartmentClaim: await t.token({ sub: 'dept-without-claim', roles: ['department'], jurisdiction: 'D01' }),
    s03: await committee('D01/S03'),
    s03Deputy: await committee('D01/S03', 'committee-D01/S03-deputy'),
    s04: await committee('D01/S04'),
    s05: await committee('D01/S05'),
    s09: await committee('D01/S09'),
    resident: await t.token({ sub: 'resident-1', roles: ['resident'], jurisdiction: 'D01/S03' }),
  };
}
export type AuthorityTokens = Awaited<ReturnType<typeof authorityTokens>>;

/** A street in a path: `D01/S03` → `D01-S03`. */
export const streetPath = (street: string) => street.replace('/', '-');

export const power = (code: string, domain = 'law-enforcement') => ({
  code,
  name: `Power ${code}`,
  domain,
  legalBasis: `Regulation on ${code}, article 12`,
  fromDepartment: 'urban-management',
});

/**
 * A delegation once it is in force: POST (202, `granting`), then its status until authority's own
 * consumer has written every grant. Big delegations take several steps: `timeoutMs` fits the work.
 */
export async function delegationInForce(
  t: TestCloud,
  token: string,
  body: Record<string, unknown>,
  options: { timeoutMs?: number } = {},
): Promise<Record<string, any>> {
  const accepted = await t.api('POST', '/authority/delegations', { token, body });
  if (accepted.status !== 202) throw new Error(`delegation: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return inForce(t, token, accepted.body.id as string, options);
}

/** The delegation once it is no longer `granting`. */
export function inForce(t: TestCloud, token: string, id: string, options: { timeoutMs?: number } = {}): Promise<Record<string, any>> {
  return waitFor(
    `delegation ${id} in force`,
    async () => {
      const current = await t.api('GET', `/authority/delegations/${id}`, { token });
      return current.body.status === 'granting' ? undefined : current.body;
    },
    { intervalMs: 50, ...options },
  );
}

/** Runs `task` over `items`, `width` at a time; the answers in the items' order. */
export async function inParallel<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

/** Waits for the bus to accept an event of this type whose data matches `where`. */
export function publishedWhere(t: TestCloud, detailType: string, where: (data: Record<string, any>) => boolean): Promise<BusEvent> {
  return waitFor(`${detailType} on the bus`, async () =>
    t.published.find((e) => e['detail-type'] === detailType && where((e.detail as { data: Record<string, any> }).data)),
  );
}

/** The problem body's field names. */
export const fieldsOf = (body: Record<string, any>) => ((body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);

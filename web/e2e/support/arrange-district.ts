import type { TokenClaims } from '../../../infra/local/issuer.ts';
import { waitFor } from '../../../infra/local/wait.ts';
import { as } from './officials.ts';

const ADMIN: TokenClaims = { roles: ['district-admin'], jurisdiction: 'D01', sub: 'e2e-district-admin' };

/**
 * A joint meeting far enough ahead to be among the district's latest (the list is latest start
 * first, and other journeys convene meetings days ahead), with one decision titled `title`: its id.
 */
export async function laterDecision(title: string): Promise<string> {
  const startsAt = Date.now() + 120 * 86_400_000 + Math.floor(Math.random() * 1_000) * 60_000;
  const meeting = await as(ADMIN, 'POST', '/coordination/meetings', {
    title: '区联席会议（准入清单）',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
    hostStreet: 'D01/S03',
    members: { departments: ['civil-affairs'], streets: ['D01/S03'] },
  });
  const decision = await as(ADMIN, 'POST', `/coordination/meetings/${meeting.id}/decisions`, {
    title,
    ownerDepartment: 'civil-affairs',
    deadline: new Date(startsAt + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  return decision.id as string;
}

/** A power delegated to a street under `ref` from `effectiveOn`, waited for until in force: the delegation's id. */
export async function delegationInForce(ref: string, street: string, effectiveOn: string): Promise<string> {
  const code = `E2E-R${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
  await as(ADMIN, 'POST', '/authority/powers', {
    code,
    name: '门前三包责任制落实情况的监督检查',
    domain: 'social-governance',
    legalBasis: '《城市市容和环境卫生管理条例》第十条',
    fromDepartment: 'urban-management',
  });
  const delegation = await as(ADMIN, 'POST', '/authority/delegations', { decisionRef: ref, effectiveOn, codes: [code], streets: [street] });
  await waitFor(`${ref} in force`, async () => ((await as(ADMIN, 'GET', `/authority/delegations/${delegation.id}`)).status === 'in-force' ? true : undefined), { timeoutMs: 60_000 });
  return delegation.id as string;
}

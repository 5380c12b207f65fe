import { ulid } from 'ulid';
import type { LocalCloud } from '../../infra/local/runtime.ts';
import type { LoadRoute } from './gateway.ts';

/**
 * Per service, a read route and a write route to load through the gateway. Writes carry fresh ids
 * so that every request is a real insert (state and history in one transaction), not a 409.
 */
export async function GATEWAY_ROUTES(cloud: LocalCloud): Promise<LoadRoute[]> {
  const sign = cloud.issuer.sign.bind(cloud.issuer);
  const admin = await sign({ sub: 'bench-admin', roles: ['district-admin'], jurisdiction: 'D01' });
  const org = await sign({ sub: 'bench-org', roles: ['organization-dept'], jurisdiction: 'D01' });
  const finance = await sign({ sub: 'bench-finance', roles: ['finance'], jurisdiction: 'D01' });
  const official = await sign({ sub: 'bench-official', roles: ['street-official'], jurisdiction: 'D01/S03' });
  let community = 0;
  const inAYear = Date.now() + 365 * 86_400_000;
  return [
    { service: 'recruitment', method: 'GET', path: '/recruitment/positions?limit=25' },
    {
      service: 'recruitment',
      method: 'POST',
      path: '/recruitment/positions',
      token: org,
      body: () => ({
        title: `Bench post ${ulid()}`,
        street: 'D01/S03',
        kind: 'community-worker',
        quota: 1,
        eligibility: { sourcePools: ['community-worker'] },
        opensAt: new Date(inAYear).toISOString(),
        closesAt: new Date(inAYear + 86_400_000).toISOString(),
      }),
    },
    { service: 'authority', method: 'GET', path: '/authority/powers?limit=25' },
    {
      service: 'authority',
      method: 'POST',
      path: '/authority/powers',
      token: admin,
      body: () => ({
        code: `B-${ulid()}`,
        name: 'Bench power',
        domain: 'law-enforcement',
        legalBasis: 'Bench regulation, art. 1',
        fromDepartment: 'urban-management',
      }),
    },
    { service: 'funding', method: 'GET', path: '/funding/requests?status=open&limit=25', token: finance },
    {
      service: 'funding',
      method: 'POST',
      path: '/funding/pools',
      token: finance,
      body: () => ({
        street: 'D01/S03',
        year: 2026,
        name: `Bench pool ${ulid()}`,
        lines: [
          { program: 'Elderly meals', department: 'civil-affairs', amountFen: 600_000 },
          { program: 'Lift repairs', department: 'housing', amountFen: 400_000 },
        ],
      }),
    },
    { service: 'premises', method: 'GET', path: '/premises/districts/D01/standard' },
    {
      service: 'premises',
      method: 'POST',
      path: '/premises/sites',
      token: official,
      // Spread over the street's 100 communities: a community's sites share one item.
      body: () => ({
        community: `D01/S03/C${String(community++ % 100).padStart(2, '0')}`,
        address: `${community} Harmony Road`,
        areaM2: 420.5,
        residentActivityAreaM2: 260,
        tenure: 'owned',
        uses: ['office', 'service'],
      }),
    },
    { service: 'coordination', method: 'GET', path: '/coordination/access-list?district=D01' },
    {
      service: 'coordination',
      method: 'POST',
      path: '/coordination/issues',
      token: official,
      body: () => ({
        category: 'property-management',
        urgency: 'general',
        departments: ['housing'],
        description: `Bench issue ${ulid()}`,
        location: 'No. 12 Harmony Road',
      }),
    },
  ];
}

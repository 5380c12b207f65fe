import type { TokenClaims } from '../../../infra/local/issuer.ts';
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

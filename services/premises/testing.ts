import type { Cause } from '../../kernel/events.ts';
import type { Room } from './rooms/domain.ts';
import type { Site } from './sites/domain.ts';

/**
 * Fixtures for the premises domain tests: plain objects in a known state, so each test says only
 * what differs. (Test code; nothing in the service imports it.)
 */
export const causeAt = (now: string, sub = 'official-s03', roles = ['street-official'], jurisdiction = 'D01/S03'): Cause => ({
  correlationId: 'corr-test',
  now,
  actor: { sub, roles, jurisdiction },
});

let sequence = 0;
export const site = (overrides: Partial<Site> = {}): Site => {
  sequence += 1;
  return {
    id: `01JSITE${String(sequence).padStart(19, '0')}`,
    community: 'D01/S03/C07',
    address: `${sequence} Harmony Road`,
    areaDm2: 700 * 100,
    residentActivityAreaDm2: 500 * 100,
    tenure: 'owned',
    uses: ['service', 'resident-activity'],
    registeredAt: '2026-01-05T02:00:00.000Z',
    registeredBy: 'worker-c07',
    version: 1,
    ...overrides,
  };
};

export const room = (overrides: Partial<Room> = {}): Room => ({
  id: '01JROOM0000000000000000001',
  siteId: '01JSITE0000000000000000001',
  community: 'D01/S03/C07',
  street: 'D01/S03',
  district: 'D01',
  address: '1 Harmony Road',
  name: 'Deliberation room',
  capacity: 20,
  bookable: 'public',
  addedAt: '2026-01-05T02:00:00.000Z',
  addedBy: 'official-s03',
  ...overrides,
});

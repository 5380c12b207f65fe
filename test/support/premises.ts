import { ulid } from 'ulid';
import type { Role } from '../../kernel/roles.ts';
import type * as z from 'zod/mini';
import type { BusEvent, EventDefinition } from '../../kernel/events.ts';
import { VenueRequested } from '../../contracts/coordination.ts';
import type { TestCloud } from './cloud.ts';

/** The callers of the premises service, as real signed tokens from the local issuer. */
export async function premisesTokens(t: TestCloud) {
  const as = (sub: string, roles: Role[], jurisdiction: string) => t.token({ sub, roles, jurisdiction });
  return {
    officialS03: await as('official-s03', ['street-official'], 'D01/S03'),
    officialS04: await as('official-s04', ['street-official'], 'D01/S04'),
    workerC01: await as('worker-c01', ['community-worker'], 'D01/S03/C01'),
    workerC07: await as('worker-c07', ['community-worker'], 'D01/S03/C07'),
    workerC08: await as('worker-c08', ['community-worker'], 'D01/S03/C08'),
    admin: await as('admin-d01', ['district-admin'], 'D01'),
    adminD02: await as('admin-d02', ['district-admin'], 'D02'),
    department: await as('market-d01', ['department'], 'D01'),
    operator: await as('operator-1', ['operator'], 'D01'),
    resident: (sub = 'resident-1') => as(sub, ['resident'], 'D01/S03/C07'),
  };
}
export type PremisesTokens = Awaited<ReturnType<typeof premisesTokens>>;

/** A community in a path: `D01/S03/C07` → `D01-S03-C07`. */
export const communityPath = (community: string) => community.replaceAll('/', '-');

export const siteBody = (community: string, overrides: Record<string, unknown> = {}) => ({
  community,
  address: `${community} Harmony Road 1`,
  areaM2: 600,
  residentActivityAreaM2: 400,
  tenure: 'owned',
  uses: ['office', 'service', 'resident-activity'],
  ...overrides,
});

/** Register a site through the gateway; its id. */
export async function registeredSite(t: TestCloud, token: string, body: Record<string, unknown>): Promise<string> {
  const created = await t.api('POST', '/premises/sites', { token, body });
  if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.site.id as string;
}

/** Add a room through the gateway; its id. */
export async function addedRoom(t: TestCloud, token: string, siteId: string, body: Record<string, unknown> = {}): Promise<string> {
  const created = await t.api('POST', `/premises/sites/${siteId}/rooms`, {
    token,
    body: { name: 'Deliberation room', capacity: 20, bookable: 'public', ...body },
  });
  if (created.status !== 201) throw new Error(`room: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/**
 * The day the test process started (UTC midnight), read once: every time a test books or lists is
 * counted from it, so a run that passes midnight between a booking and its listing still agrees
 * with itself. A window 2 or more days ahead is in the future however long the run takes.
 */
const TODAY = (() => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
})();

/** A quarter-hour boundary `days` days from the day the run started, plus `quarters` quarter hours. */
export function slotFromNow(days: number, quarters = 0): Date {
  return new Date(TODAY + days * 86_400_000 + quarters * 15 * 60_000);
}

/** A calendar day (`YYYY-MM-DD`) `days` after the day the run started: a due date that stays ahead of the clock. */
export const dayFromToday = (days: number) => new Date(TODAY + days * 86_400_000).toISOString().slice(0, 10);

export const book = (t: TestCloud, token: string, roomId: string, startsAt: Date, endsAt: Date, extra: Record<string, unknown> = {}) =>
  t.api('POST', `/premises/rooms/${roomId}/bookings`, {
    token,
    body: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), purpose: 'Residents’ council', attendees: 10, ...extra },
  });

/** Put an event of another service on the bus, as that service's outbox would; its metadata. */
export async function putOnBus<D extends EventDefinition>(t: TestCloud, definition: D, data: z.input<D['data']>) {
  const metadata = {
    eventId: ulid(),
    schemaVersion: definition.schemaVersion,
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${ulid()}`,
    actor: { sub: 'district-office', roles: ['district-admin'], jurisdiction: 'D01' },
  };
  const detail = definition.detail.parse({ metadata, data });
  await t.cloud.bus.putEvents([{ source: definition.source, detailType: definition.detailType, detail }]);
  return metadata;
}

/** Coordination asks for a room for a joint meeting. */
export const requestVenue = (t: TestCloud, data: z.input<(typeof VenueRequested)['data']>) => putOnBus(t, VenueRequested, data);

export const dataOf = (event: BusEvent) => (event.detail as { data: Record<string, any> }).data;
export const metadataOf = (event: BusEvent) => (event.detail as { metadata: Record<string, any> }).metadata;

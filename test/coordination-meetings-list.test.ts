import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordination } from '../services/coordination/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, type CoordinationTokens } from './support/coordination.ts';

/** GET /coordination/meetings: a district's joint meetings, latest start first, paged; its own district's only. */
let t: TestCloud;
let as: CoordinationTokens;
const ids: string[] = [];

const meeting = (day: number) => ({
  title: `Joint meeting on day ${day}`,
  startsAt: `2031-03-${String(day).padStart(2, '0')}T09:00:00+08:00`,
  endsAt: `2031-03-${String(day).padStart(2, '0')}T11:00:00+08:00`,
  hostStreet: 'D01/S03',
  members: { departments: ['housing'], streets: ['D01/S03'] },
});

beforeAll(async () => {
  t = await startTestCloud({ services: [coordination] });
  as = await coordinationTokens(t);
  for (const day of [3, 1, 2]) {
    const convened = await t.api('POST', '/coordination/meetings', { token: as.admin, body: meeting(day) });
    expect(convened.status).toBe(201);
    ids[day] = convened.body.id;
  }
  const elsewhere = await t.api('POST', '/coordination/meetings', { token: as.otherAdmin, body: { ...meeting(4), hostStreet: 'D02/S01', members: { streets: ['D02/S01'] } } });
  expect(elsewhere.status).toBe(201);
});
afterAll(() => t?.stop());

describe('listing joint meetings', () => {
  it("lists the caller's district's meetings, latest start first, with venue and host", async () => {
    const list = await t.api('GET', '/coordination/meetings', { token: as.admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(list.body.items[0]).toMatchObject({ title: 'Joint meeting on day 3', hostStreet: 'D01/S03', district: 'D01', venue: { status: expect.any(String) } });
    expect(list.body.items[0]).not.toHaveProperty('decisions');
  });

  it('pages with the cursor, to the end', async () => {
    const first = await t.api('GET', '/coordination/meetings?limit=2', { token: as.admin });
    expect(first.body.items).toHaveLength(2);
    const second = await t.api('GET', `/coordination/meetings?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`, { token: as.admin });
    expect(second.body.items.map((m: { id: string }) => m.id)).toEqual([ids[1]]);
    expect(second.body.cursor).toBeUndefined();
  });

  it("a department of the district may read them; another district's office may not", async () => {
    expect((await t.api('GET', '/coordination/meetings?district=D01', { token: as.market })).status).toBe(200);
    const refused = await t.api('GET', '/coordination/meetings?district=D01', { token: as.otherAdmin });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await t.api('GET', '/coordination/meetings', { token: as.s03 })).status).toBe(403);
    expect((await t.api('GET', '/coordination/meetings')).status).toBe(401);
  });

  it('refuses a bad district or cursor with 400 naming the field', async () => {
    const bad = await t.api('GET', '/coordination/meetings?district=D1', { token: as.admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.district');
    const cursor = await t.api('GET', '/coordination/meetings?cursor=nonsense', { token: as.admin });
    expect(cursor.status).toBe(400);
  });
});

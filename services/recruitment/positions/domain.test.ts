import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import { allotment, causeAt, position } from '../testing.ts';
import { draftPosition, publishPosition, windowAt } from './domain.ts';

const now = causeAt('2025-02-25T00:00:00.000Z');
const draft = (overrides = {}) => position({ status: 'draft', version: 1, ...overrides });

describe('drafting a position', () => {
  const request = {
    id: '01JPOSITION000000000000009',
    title: 'Grid worker',
    street: 'D01/S03',
    kind: 'community-worker' as const,
    quota: 3,
    eligibility: { sourcePools: ['other' as const] },
    opensAt: '2025-03-01T08:00:00+08:00',
    closesAt: '2025-03-15T18:00:00+08:00',
  };

  it('is a draft at version 1 in the street’s district, its window in UTC, with PositionDrafted', () => {
    const { position: drafted, events } = draftPosition(request, now);
    expect(drafted).toMatchObject({
      status: 'draft',
      district: 'D01',
      opensAt: '2025-03-01T00:00:00.000Z',
      closesAt: '2025-03-15T10:00:00.000Z',
      applications: 0,
      version: 1,
    });
    expect(events.map((e) => e.detailType)).toEqual(['PositionDrafted']);
  });

  it('uses the plan of the year its window opens, in the district’s calendar, unless told', () => {
    expect(draftPosition({ ...request, opensAt: '2025-12-31T17:00:00Z' }, now).position.year).toBe(2026);
    expect(draftPosition({ ...request, year: 2024 }, now).position.year).toBe(2024);
  });
});

describe('publishing a position within the plan', () => {
  it('draws its quota from the street’s remaining posts and emits PositionPublished', () => {
    const publication = publishPosition(draft({ quota: 3 }), allotment(), now);
    expect(publication.position).toMatchObject({ status: 'published', publishedAt: now.now, version: 2 });
    expect(publication.draw).toEqual({ quota: 3, open: 0 });
    expect(publication.events.map((e) => e.detailType)).toEqual(['PositionPublished']);
  });

  it('a position over the plan’s remaining posts for its street is 409', () => {
    expect(() => publishPosition(draft({ quota: 3 }), allotment({ posts: 10, published: 8 }), now)).toThrow(
      new ConflictError('The position needs 3 posts but the 2025 plan has 2 left for D01/S03.'),
    );
  });

  it('a street without posts in the plan is 409', () => {
    expect(() => publishPosition(draft(), undefined, now)).toThrow(new ConflictError('The 2025 plan of D01 has no posts for D01/S03.'));
  });

  it('a position open to other pools cannot use the posts reserved for village cadres and community workers', () => {
    const open = draft({ quota: 3, eligibility: { sourcePools: ['village-cadre', 'other'] } });
    // 10 posts, 4 reserved, 4 already used by open positions: 2 open posts remain.
    expect(() => publishPosition(open, allotment({ published: 4, publishedOpen: 4 }), now)).toThrow(/reserved for village cadres/);
    expect(publishPosition(open, allotment({ published: 4, publishedOpen: 3 }), now).draw).toEqual({ quota: 3, open: 3 });
  });

  it('a position reserved for village cadres and community workers may use any remaining post', () => {
    const reserved = draft({ quota: 6 });
    expect(publishPosition(reserved, allotment({ published: 4, publishedOpen: 4 }), now).draw).toEqual({ quota: 6, open: 0 });
  });

  it('publishing twice is 409', () => {
    expect(() => publishPosition(position(), allotment(), now)).toThrow(/already published/);
  });

  it('a window that has already ended cannot be published (409)', () => {
    expect(() => publishPosition(draft(), allotment(), causeAt('2025-04-01T00:00:00.000Z'))).toThrow(/window ended/);
  });
});

describe('the application window', () => {
  it('is upcoming before opensAt, open until closesAt, ended from closesAt on', () => {
    const p = position();
    expect(windowAt(p, '2025-02-28T23:59:59.999Z')).toBe('upcoming');
    expect(windowAt(p, '2025-03-01T00:00:00.000Z')).toBe('open');
    expect(windowAt(p, '2025-03-31T00:00:00.000Z')).toBe('ended');
    expect(windowAt(position({ status: 'filled' }), '2025-03-10T00:00:00.000Z')).toBe('ended');
  });
});

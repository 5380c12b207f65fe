import { describe, expect, it } from 'vitest';
import { allotment, causeAt } from '../testing.ts';
import { adoptPlan, isOpenToAll, planView, remaining } from './domain.ts';

describe('the annual plan', () => {
  it('adopting it opens one allotment per street, nothing published yet, and emits RecruitmentPlanAdopted', () => {
    const adoption = adoptPlan(
      { district: 'D01', year: 2030, streets: [{ street: 'D01/S03', posts: 6, reserved: 2 }, { street: 'D01/S04', posts: 3, reserved: 0 }] },
      causeAt('2030-01-05T00:00:00.000Z'),
    );
    expect(adoption.allotments).toEqual([
      { district: 'D01', year: 2030, street: 'D01/S03', posts: 6, reserved: 2, published: 0, publishedOpen: 0 },
      { district: 'D01', year: 2030, street: 'D01/S04', posts: 3, reserved: 0, published: 0, publishedOpen: 0 },
    ]);
    expect(adoption.events.map((e) => e.detailType)).toEqual(['RecruitmentPlanAdopted']);
  });

  it('what remains: all posts for reserved-pool positions, the unreserved ones for positions open to all', () => {
    expect(remaining(allotment({ posts: 10, reserved: 4, published: 5, publishedOpen: 2 }))).toEqual({ posts: 5, open: 4 });
  });

  it('a position is open to all when any of its pools is beyond village cadres and community workers', () => {
    expect(isOpenToAll(['village-cadre', 'community-worker'])).toBe(false);
    expect(isOpenToAll(['community-worker', 'civil-servant'])).toBe(true);
  });

  it('the view shows, per street, what was published and what remains', () => {
    const plan = { district: 'D01', year: 2030, streets: [], adoptedAt: 'x', adoptedBy: 'y' };
    expect(planView(plan, [allotment({ published: 3, publishedOpen: 1 })]).streets).toEqual([
      { street: 'D01/S03', posts: 10, reserved: 4, published: 3, remaining: 7, remainingOpen: 5 },
    ]);
  });
});

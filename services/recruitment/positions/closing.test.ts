import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import { application, causeAt, position } from '../testing.ts';
import { closePosition, rank } from './closing.ts';

const afterWindow = causeAt('2025-04-02T09:00:00.000Z');
const ids = () => {
  let n = 0;
  return () => `01JSTAFF${String(++n).padStart(18, '0')}`;
};

describe('ranking', () => {
  it('ranks by score, highest first', () => {
    const [low, high, middle] = [application({ score: 60 }), application({ score: 91 }), application({ score: 75.5 })];
    expect(rank([low, high, middle]).map((a) => a.score)).toEqual([91, 75.5, 60]);
  });

  it('breaks a tie by the earlier submission', () => {
    const later = application({ score: 80, submittedAt: '2025-03-12T10:00:00.000Z' });
    const earlier = application({ score: 80, submittedAt: '2025-03-05T10:00:00.000Z' });
    expect(rank([later, earlier]).map((a) => a.id)).toEqual([earlier.id, later.id]);
  });

  it('leaves out unscored and ineligible applications', () => {
    const scored = application({ score: 50 });
    expect(rank([application(), application({ status: 'ineligible', score: 99 }), scored])).toEqual([scored]);
  });
});

describe('closing a position', () => {
  const thirty = Array.from({ length: 30 }, (_, i) =>
    application({ score: 40 + ((i * 7) % 30), submittedAt: `2025-03-${String(2 + (i % 20)).padStart(2, '0')}T08:00:00.000Z` }),
  );

  it('30 scored applicants and quota 5: exactly the top 5 are hired, in rank order, one StaffHired each', () => {
    const closing = closePosition(position({ quota: 5 }), thirty, ids(), afterWindow);

    const expected = rank(thirty).slice(0, 5);
    expect(closing.hires.map((h) => h.application.id)).toEqual(expected.map((a) => a.id));
    expect(closing.hires.map((h) => h.application.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(closing.hires.every((h) => h.application.status === 'hired' && h.staff.status === 'in-post')).toBe(true);
    const hired = closing.events.filter((e) => e.detailType === 'StaffHired');
    expect(hired.map((e) => (e.detail.data as { applicationId: string }).applicationId)).toEqual(expected.map((a) => a.id));
  });

  it('the other 25 are not selected, each with its rank', () => {
    const closing = closePosition(position({ quota: 5 }), thirty, ids(), afterWindow);
    expect(closing.notSelected).toHaveLength(25);
    expect(closing.notSelected.every((a) => a.status === 'not-selected')).toBe(true);
    expect(closing.notSelected.map((a) => a.rank).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, i) => i + 6));
  });

  it('the position is filled and one PositionClosed counts hires and the rest', () => {
    const closing = closePosition(position({ quota: 5 }), thirty, ids(), afterWindow);
    expect(closing.position).toMatchObject({ status: 'filled', hired: 5, notSelected: 25, closedAt: afterWindow.now, settlement: 'pending' });
    expect(closing.events.filter((e) => e.detailType === 'PositionClosed').map((e) => e.detail.data)).toEqual([
      expect.objectContaining({ status: 'filled', hired: 5, notSelected: 25 }),
    ]);
  });

  it('ties at the quota line go to the earlier submission', () => {
    const first = application({ score: 70, submittedAt: '2025-03-02T08:00:00.000Z' });
    const second = application({ score: 70, submittedAt: '2025-03-03T08:00:00.000Z' });
    const closing = closePosition(position({ quota: 1 }), [second, first], ids(), afterWindow);
    expect(closing.hires.map((h) => h.application.id)).toEqual([first.id]);
  });

  it('an eligible application never scored is not selected, and says why', () => {
    const unscored = application();
    const closing = closePosition(position({ quota: 1 }), [application({ score: 60 }), unscored], ids(), afterWindow);
    expect(closing.notSelected).toEqual([expect.objectContaining({ id: unscored.id, decision: 'No exam score was recorded.' })]);
  });

  it('fewer scored applicants than the quota: all of them are hired', () => {
    const closing = closePosition(position({ quota: 5 }), [application({ score: 60 }), application({ score: 61 })], ids(), afterWindow);
    expect(closing.hires).toHaveLength(2);
    expect(closing.position.status).toBe('filled');
  });

  it('nobody to hire: the position is closed, not filled, and no StaffHired', () => {
    const closing = closePosition(position(), [], ids(), afterWindow);
    expect(closing.position).toMatchObject({ status: 'closed', hired: 0, settlement: 'done' });
    expect(closing.events.map((e) => e.detailType)).toEqual(['PositionClosed']);
  });

  it('before closesAt is 409: applications are still being taken', () => {
    expect(() => closePosition(position(), thirty, ids(), causeAt('2025-03-30T23:59:59.999Z'))).toThrow(ConflictError);
  });

  it('closing a filled position again is 409', () => {
    expect(() => closePosition(position({ status: 'filled' }), thirty, ids(), afterWindow)).toThrow(
      new ConflictError('Position 01JPOSITION000000000000001 is already filled.'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { addWorkingDays, endOfChinaDay, isWorkingDay, chinaDate, workingDaysDeadline } from './calendar.ts';

describe('the offices’ calendar (China Standard Time, Monday to Friday)', () => {
  it('an instant late in the UTC day is already the next day in the offices', () => {
    expect(chinaDate('2025-03-06T16:30:00.000Z')).toBe('2025-03-07');
    expect(chinaDate('2025-03-06T15:59:59.999Z')).toBe('2025-03-06');
  });

  it('the end of an office day is 15:59:59.999 UTC', () => {
    expect(endOfChinaDay('2025-03-21')).toBe('2025-03-21T15:59:59.999Z');
  });

  it('Saturday and Sunday are not working days', () => {
    expect(['2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10'].map(isWorkingDay)).toEqual([true, false, false, true]);
  });

  it('five working days after a Monday is the next Monday', () => {
    expect(addWorkingDays('2025-03-03', 5)).toBe('2025-03-10');
  });

  it('one working day after a Friday is the Monday', () => {
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
  });

  it('15 working days from a Saturday end on the third Friday after it', () => {
    expect(workingDaysDeadline('2025-03-01T08:00:00.000Z', 15)).toBe('2025-03-21T15:59:59.999Z');
  });

  it('15 working days from a Wednesday morning end on the Wednesday three weeks later', () => {
    expect(workingDaysDeadline('2025-03-05T01:00:00.000Z', 15)).toBe('2025-03-26T15:59:59.999Z');
  });

  it('a case opened on Friday at 23:30 in the offices counts from Monday', () => {
    expect(workingDaysDeadline('2025-03-07T15:30:00.000Z', 1)).toBe('2025-03-10T15:59:59.999Z');
  });
});

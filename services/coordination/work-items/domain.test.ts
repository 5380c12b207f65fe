import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../kernel/events.ts';
import { pushWorkItem, type AccessItem } from './domain.ts';

const cause: Cause = { correlationId: 'c', now: '2026-03-01T00:00:00.000Z', actor: { sub: 'market-d01', roles: ['department'] } };
const request = { id: '01JWORKITEM000000000000001', code: 'WI-07', title: 'Food safety survey', description: 'Door to door', community: 'D01/S03/C07' };
const listed = (departments: string[] = []): AccessItem => ({
  district: 'D01',
  code: 'WI-07',
  title: 'Food safety survey',
  description: '',
  departments,
  decisionId: 'd',
  approvedAt: '',
  approvedBy: '',
});

describe('pushing a work item onto a community', () => {
  it('is accepted when its code is on the list', () => {
    const outcome = pushWorkItem(request, listed(), 'market-supervision', cause);
    expect('accepted' in outcome && outcome.accepted).toMatchObject({ street: 'D01/S03', district: 'D01' });
    expect(outcome.events.map((e) => e.detailType)).toEqual(['WorkItemAccepted']);
  });

  it('is blocked when it is not on the list, or is listed for other departments only', () => {
    const unlisted = pushWorkItem(request, undefined, 'market-supervision', cause);
    expect('blocked' in unlisted && unlisted.blocked.reason).toBe('not-on-access-list');
    const others = pushWorkItem(request, listed(['civil-affairs']), 'market-supervision', cause);
    expect('blocked' in others && others.blocked.reason).toBe('not-for-this-department');
    expect(others.events.map((e) => e.detailType)).toEqual(['WorkItemBlocked']);
  });
});

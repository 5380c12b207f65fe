import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import { causeAt, member } from '../testing.ts';
import { approveSecondment, endSecondment, flagPastDue, startSecondment, type Secondment } from './domain.ts';

const official = causeAt('2025-05-10T02:00:00.000Z', 'official-s03', ['street-official']);
const request = { id: '01JSECONDMENT0000000000001', toUnit: 'District petition office', startsOn: '2025-05-12', endsOn: '2025-08-31' };

const active = (overrides: Partial<Secondment> = {}): Secondment => ({
  ...startSecondment(member(), { ...request, approvalRef: 'D01-ORG-2025-17' }, official).secondment,
  ...overrides,
});

describe('starting a secondment', () => {
  it('with an approval reference it is active, the member is seconded, and only SecondmentStarted is emitted', () => {
    const change = startSecondment(member(), { ...request, approvalRef: 'D01-ORG-2025-17' }, official);
    expect(change.secondment).toMatchObject({ status: 'active', staffId: member().id, street: 'D01/S03', version: 1 });
    expect(change.staff).toMatchObject({ status: 'seconded', secondmentId: request.id, version: 2 });
    expect(change.events.map((e) => e.detailType)).toEqual(['SecondmentStarted']);
  });

  it('without an approval reference it is flagged at once, with SecondmentFlagged', () => {
    const change = startSecondment(member(), request, official);
    expect(change.secondment).toMatchObject({ status: 'flagged', flagReasons: ['no-approval'], flaggedAt: official.now });
    expect(change.events.map((e) => e.detailType)).toEqual(['SecondmentStarted', 'SecondmentFlagged']);
  });

  it('recorded after its end date it is flagged as past due too, in the one SecondmentFlagged', () => {
    const change = startSecondment(member(), { ...request, startsOn: '2025-01-01', endsOn: '2025-04-30' }, official);
    expect(change.events[1]!.detail.data).toMatchObject({ reasons: ['no-approval', 'past-due'] });
  });

  it('a member already on secondment is 409', () => {
    expect(() => startSecondment(member({ status: 'seconded', secondmentId: 'X' }), request, official)).toThrow(ConflictError);
  });
});

describe('the past-due check', () => {
  it('does nothing on the last day of the secondment (district time)', () => {
    // 2025-08-31T15:59Z is 23:59 on 31 August in the district.
    expect(flagPastDue(active(), causeAt('2025-08-31T15:59:00.000Z'))).toHaveProperty('ignored');
  });

  it('flags it the day after, once: SecondmentFlagged with reason past-due', () => {
    const change = flagPastDue(active(), causeAt('2025-08-31T16:00:00.000Z'));
    if ('ignored' in change) throw new Error(change.ignored);
    expect(change.secondment).toMatchObject({ status: 'flagged', flagReasons: ['past-due'], version: 2 });
    expect(change.previousStatus).toBe('active');
    expect(change.events.map((e) => e.detailType)).toEqual(['SecondmentFlagged']);
    expect(flagPastDue(change.secondment, causeAt('2025-09-30T00:00:00.000Z'))).toEqual({
      ignored: `secondment ${request.id} is flagged`,
    });
  });

  it('leaves an ended secondment alone', () => {
    expect(flagPastDue(active({ status: 'ended' }), causeAt('2026-01-01T00:00:00.000Z'))).toHaveProperty('ignored');
  });
});

describe('recall', () => {
  it('ends the secondment today and puts the member back in post, with SecondmentEnded', () => {
    const seconded = member({ status: 'seconded', secondmentId: request.id, version: 2 });
    const change = endSecondment(active({ status: 'flagged' }), seconded, causeAt('2025-06-30T20:00:00.000Z'));
    expect(change.secondment).toMatchObject({ status: 'ended', endedOn: '2025-07-01' });
    expect(change.staff).toMatchObject({ status: 'in-post', version: 3 });
    expect(change.staff).not.toHaveProperty('secondmentId');
    expect(change.events[0]).toMatchObject({ detailType: 'SecondmentEnded', detail: { data: { wasFlagged: true } } });
  });

  it('ending it twice is 409', () => {
    expect(() => endSecondment(active({ status: 'ended', endedOn: '2025-06-01' }), member(), official)).toThrow(/already ended/);
  });
});

describe('recording the approval a secondment lacked', () => {
  const flagged = () => startSecondment(member(), request, official).secondment;

  it('lifts its only flag: active again, nothing of the flag left, SecondmentApproved unflagged', () => {
    const change = approveSecondment(flagged(), 'D01-ORG-2025-18', causeAt('2025-06-01T02:00:00.000Z', 'official-s03', ['street-official']));
    expect(change.secondment).toMatchObject({ status: 'active', approvalRef: 'D01-ORG-2025-18', approvedBy: 'official-s03', version: 2 });
    expect(change.secondment).not.toHaveProperty('flagReasons');
    expect(change.secondment).not.toHaveProperty('flaggedAt');
    expect(change.previousStatus).toBe('flagged');
    expect(change.events.map((e) => e.detailType)).toEqual(['SecondmentApproved']);
    expect(change.events[0]!.detail.data).toMatchObject({ approvalRef: 'D01-ORG-2025-18', unflagged: true });
  });

  it('past its end (district time) it stays flagged for that, with its first flag’s time', () => {
    const before = flagged();
    const change = approveSecondment(before, 'D01-ORG-2025-19', causeAt('2025-08-31T16:00:00.000Z'));
    expect(change.secondment).toMatchObject({ status: 'flagged', flagReasons: ['past-due'], flaggedAt: before.flaggedAt });
    expect(change.events[0]!.detail.data).toMatchObject({ unflagged: false });
  });

  it('an approved one, or an ended one, is 409', () => {
    expect(() => approveSecondment(active(), 'D01-ORG-2025-20', official)).toThrow(/already approved under D01-ORG-2025-17/);
    const ended = endSecondment(flagged(), member({ status: 'seconded', secondmentId: request.id }), official).secondment;
    expect(() => approveSecondment(ended, 'D01-ORG-2025-20', official)).toThrow(ConflictError);
  });
});

import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import { application, causeAt, position } from '../testing.ts';
import { scoreApplication, submitApplication } from './domain.ts';

const during = causeAt('2025-03-10T08:00:00.000Z', 'resident-7', ['resident']);
const request = {
  id: '01JAPPLICATION000000000777',
  applicant: 'resident-7',
  name: 'Liu Yang',
  profile: { birthDate: '1995-06-01', education: 'bachelor' as const, currentRole: 'community-worker' as const, yearsOfService: 4 },
};

describe('applying', () => {
  it('inside the window an applicant who fits is eligible, and ApplicationSubmitted says so without the profile', () => {
    const { application: submitted, events } = submitApplication(position(), request, during);
    expect(submitted).toMatchObject({ status: 'eligible', reasons: [], submittedAt: during.now, street: 'D01/S03', version: 1 });
    expect(events.map((e) => e.detail.data)).toEqual([
      expect.objectContaining({ applicationId: request.id, outcome: 'eligible', failedRules: [], applicant: 'resident-7' }),
    ]);
    expect(JSON.stringify(events)).not.toContain('1995-06-01');
  });

  it('an applicant who does not fit is recorded ineligible with every reason', () => {
    const { application: submitted, events } = submitApplication(
      position(),
      { ...request, profile: { ...request.profile, yearsOfService: 1, currentRole: 'other' } },
      during,
    );
    expect(submitted.status).toBe('ineligible');
    expect(submitted.reasons.map((r) => r.rule)).toEqual(['source-pool', 'years-of-service']);
    expect((events[0]!.detail.data as { failedRules: string[] }).failedRules).toEqual(['source-pool', 'years-of-service']);
  });

  it('before the window opens is 409', () => {
    expect(() => submitApplication(position(), request, causeAt('2025-02-28T00:00:00.000Z'))).toThrow(/open at 2025-03-01/);
  });

  it('after the window closes is 409', () => {
    expect(() => submitApplication(position(), request, causeAt('2025-03-31T00:00:00.000Z'))).toThrow(/closed at 2025-03-31/);
  });

  it('to a filled position is 409', () => {
    expect(() => submitApplication(position({ status: 'filled' }), request, during)).toThrow(ConflictError);
  });
});

describe('scoring', () => {
  const scoring = causeAt('2025-04-01T08:00:00.000Z');

  it('records the score of an eligible application and emits ApplicationScored', () => {
    const change = scoreApplication(application(), position(), 88.5, scoring);
    expect(change.application).toMatchObject({ score: 88.5, scoredAt: scoring.now, version: 2 });
    expect(change.events[0]!.detail.data).toMatchObject({ score: 88.5 });
    expect(change.events[0]!.detail.data).not.toHaveProperty('previousScore');
  });

  it('a correction keeps the earlier score in the event', () => {
    const change = scoreApplication(application({ score: 70 }), position(), 72, scoring);
    expect(change.events[0]!.detail.data).toMatchObject({ score: 72, previousScore: 70 });
  });

  it('an ineligible application takes no score (409)', () => {
    expect(() => scoreApplication(application({ status: 'ineligible' }), position(), 90, scoring)).toThrow(/did not pass screening/);
  });

  it('once the position is filled, scores are final (409)', () => {
    expect(() => scoreApplication(application({ status: 'hired', score: 90 }), position({ status: 'filled' }), 95, scoring)).toThrow(
      /scores are final/,
    );
  });
});

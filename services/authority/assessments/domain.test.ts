import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../kernel/config.ts';
import { ConflictError, ForbiddenError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import {
  assessmentState,
  recordDepartmentAssessment,
  recordStreetAssessment,
  STREET_WEIGHT_DEFAULT,
  withCombinedScore,
  type AssessmentInput,
} from './domain.ts';
import { assessmentSettings } from './settings.ts';

const committee: Cause = {
  correlationId: 'corr-assessment',
  now: '2026-01-10T02:00:00.000Z',
  actor: { sub: 'committee-secretary', roles: ['street-committee'], jurisdiction: 'D01/S03' },
};
const department: Cause = {
  correlationId: 'corr-assessment',
  now: '2026-01-12T02:00:00.000Z',
  actor: { sub: 'msa-officer', roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' },
};

const input: AssessmentInput = {
  staffId: 'STAFF-0042',
  period: '2025',
  street: 'D01/S03',
  department: 'market-supervision',
  score: 90,
  comment: 'Present at every community meeting.',
};

const byStreet = () => recordStreetAssessment(undefined, input, '01JSTREETSIDE0000000000001', committee);

describe('the street’s side of the double assessment', () => {
  it('records the score, comment, who and when, and emits AssessmentRecorded (the contract recruitment consumes)', () => {
    const { assessment, events } = byStreet();

    expect(assessment).toEqual({
      staffId: 'STAFF-0042',
      period: '2025',
      street: 'D01/S03',
      department: 'market-supervision',
      byStreet: {
        assessmentId: '01JSTREETSIDE0000000000001',
        score: 90,
        comment: 'Present at every community meeting.',
        assessedBy: 'committee-secretary',
        assessedAt: '2026-01-10T02:00:00.000Z',
      },
      version: 1,
    });
    expect(events.map((e) => e.detailType)).toEqual(['AssessmentRecorded']);
    expect(events[0]!.detail.data).toEqual({
      assessmentId: '01JSTREETSIDE0000000000001',
      staffId: 'STAFF-0042',
      street: 'D01/S03',
      department: 'market-supervision',
      period: '2025',
      score: 90,
      comment: 'Present at every community meeting.',
      assessedBy: 'committee-secretary',
      assessedAt: '2026-01-10T02:00:00.000Z',
    });
  });

  it('a second street assessment of the member for the period is 409', () => {
    expect(() => recordStreetAssessment(byStreet().assessment, input, 'x', committee)).toThrow(ConflictError);
  });

  it('a committee of another street than the member served in is not a party: 403', () => {
    const { assessment } = recordDepartmentAssessment(undefined, input, 'd', department);

    expect(() => recordStreetAssessment(assessment, { ...input, street: 'D01/S04' }, 'x', committee)).toThrow(ForbiddenError);
  });
});

describe('the department’s side', () => {
  it('completes the assessment and emits DepartmentAssessmentRecorded', () => {
    const { assessment, events } = recordDepartmentAssessment(byStreet().assessment, { ...input, score: 80 }, 'd', department);

    expect(assessment.version).toBe(2);
    expect(assessment.byDepartment).toMatchObject({ score: 80, assessedBy: 'msa-officer' });
    expect(events.map((e) => e.detailType)).toEqual(['DepartmentAssessmentRecorded']);
  });

  it('another department than the one that stations the member is not a party: 403', () => {
    expect(() =>
      recordDepartmentAssessment(byStreet().assessment, { ...input, department: 'sanitation' }, 'd', department),
    ).toThrow(ForbiddenError);
  });

  it('naming another street than the street side recorded contradicts it: 409', () => {
    expect(() => recordDepartmentAssessment(byStreet().assessment, { ...input, street: 'D01/S04' }, 'd', department)).toThrow(ConflictError);
  });
});

describe('the combined score', () => {
  const both = () => recordDepartmentAssessment(byStreet().assessment, { ...input, score: 75 }, 'd', department).assessment;

  it(`weighs the street ${STREET_WEIGHT_DEFAULT * 100}% by default`, () => {
    expect(withCombinedScore(both(), STREET_WEIGHT_DEFAULT).combinedScore).toBe(82.5);
  });

  it('weighs the street as configured, to one decimal', () => {
    expect(withCombinedScore(both(), 0.3).combinedScore).toBe(79.5);
    expect(withCombinedScore(both(), 0.333).combinedScore).toBe(80);
  });

  it('is none until both sides are in', () => {
    expect(withCombinedScore(byStreet().assessment, 0.5).combinedScore).toBeNull();
  });

  it('a weight outside 0-100 % is a configuration error, not a silent default', () => {
    expect(settingsFrom(assessmentSettings, {}).streetWeightPercent).toBe(STREET_WEIGHT_DEFAULT * 100);
    expect(() => settingsFrom(assessmentSettings, { AUTHORITY_STREET_WEIGHT_PERCENT: '150' })).toThrow('AUTHORITY_STREET_WEIGHT_PERCENT');
  });
});

describe('where an assessment stands', () => {
  const side = { assessmentId: '01JASSESSMENT000000000000A', score: 80, comment: 'ok', assessedBy: 'x', assessedAt: '2026-01-01T00:00:00.000Z' };
  it('awaits the street until it has given its side, the department until it has, and is complete with both', () => {
    expect(assessmentState({ byDepartment: side })).toBe('awaiting-street');
    expect(assessmentState({ byStreet: side })).toBe('awaiting-department');
    expect(assessmentState({ byStreet: side, byDepartment: side })).toBe('complete');
  });
});

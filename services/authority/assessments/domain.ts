import { ConflictError, ForbiddenError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { AssessmentRecorded, DepartmentAssessmentRecorded } from '../../../contracts/authority.ts';
import { keys } from '../keys.ts';

/** The street's share of the combined score unless configured otherwise (AUTHORITY_STREET_WEIGHT_PERCENT). */
export const STREET_WEIGHT_DEFAULT = 0.5;

/** One side's assessment of a member of staff for a period. */
export interface AssessmentSide {
  assessmentId: string;
  score: number;
  comment: string;
  assessedBy: string;
  assessedAt: string;
}

/**
 * The double assessment of a member of staff a department stations in a street, for one period: the
 * street's side (daily management) and the department's side, each given once.
 */
export interface StaffAssessment {
  staffId: string;
  period: string;
  street: string;
  department: string;
  byStreet?: AssessmentSide;
  byDepartment?: AssessmentSide;
  version: number;
}

export interface AssessmentInput {
  staffId: string;
  period: string;
  street: string;
  department: string;
  score: number;
  comment: string;
}

export interface AssessmentChange {
  assessment: StaffAssessment;
  /** The assessment before this side was given; undefined for the first side. */
  previous?: StaffAssessment;
  events: DomainEvent[];
}

type Side = 'street' | 'department';

/**
 * Record one side. The other side, if given already, fixed which street and department the member
 * served in that period: the other street's committee or another department is not a party (403);
 * a party naming a different counterpart contradicts the record (409); a second assessment by the
 * same side is 409.
 */
function recordSide(side: Side, current: StaffAssessment | undefined, input: AssessmentInput, assessmentId: string, cause: Cause): AssessmentChange {
  const own = side === 'street' ? 'street' : 'department';
  const counterpart = side === 'street' ? 'department' : 'street';
  if (current && current[own] !== input[own]) {
    throw new ForbiddenError(
      `${input.staffId} served ${current.department} in ${current.street} in ${input.period}; ${input[own]} is not a party to that assessment.`,
    );
  }
  if (current && current[counterpart] !== input[counterpart]) {
    throw new ConflictError(
      `${input.staffId}'s assessment for ${input.period} concerns ${current.street} and ${current.department}, not ${input[counterpart]}.`,
    );
  }
  const field = side === 'street' ? 'byStreet' : 'byDepartment';
  if (current?.[field]) {
    throw new ConflictError(`The ${side} already assessed ${input.staffId} for ${input.period}.`);
  }
  const given: AssessmentSide = {
    assessmentId,
    score: input.score,
    comment: input.comment,
    assessedBy: cause.actor.sub,
    assessedAt: cause.now,
  };
  const assessment: StaffAssessment = {
    ...(current ?? { staffId: input.staffId, period: input.period, street: input.street, department: input.department }),
    [field]: given,
    version: (current?.version ?? 0) + 1,
  };
  const event = newEvent(
    side === 'street' ? AssessmentRecorded : DepartmentAssessmentRecorded,
    keys.staffAssessment(input.staffId, input.period).pk,
    { staffId: input.staffId, street: input.street, department: input.department, period: input.period, ...given },
    cause,
  );
  return { assessment, ...(current ? { previous: current } : {}), events: [event] };
}

/** Where an assessment stands: whose side is still missing, or complete. */
export type AssessmentState = 'awaiting-street' | 'awaiting-department' | 'complete';

export function assessmentState(a: Pick<StaffAssessment, 'byStreet' | 'byDepartment'>): AssessmentState {
  if (a.byStreet && a.byDepartment) return 'complete';
  return a.byStreet ? 'awaiting-department' : 'awaiting-street';
}

export function recordStreetAssessment(current: StaffAssessment | undefined, input: AssessmentInput, assessmentId: string, cause: Cause) {
  return recordSide('street', current, input, assessmentId, cause);
}

export function recordDepartmentAssessment(current: StaffAssessment | undefined, input: AssessmentInput, assessmentId: string, cause: Cause) {
  return recordSide('department', current, input, assessmentId, cause);
}

/**
 * The assessment as its parties read it, with its combined score: weighted, to one decimal; none
 * until both sides are in. Not the store's version.
 */
export function withCombinedScore(assessment: StaffAssessment, streetWeight: number) {
  const { byStreet, byDepartment, version: _version, ...rest } = assessment;
  const combinedScore =
    byStreet && byDepartment
      ? Math.round((streetWeight * byStreet.score + (1 - streetWeight) * byDepartment.score) * 10) / 10
      : null;
  return { ...rest, ...(byStreet ? { byStreet } : {}), ...(byDepartment ? { byDepartment } : {}), streetWeight, combinedScore };
}


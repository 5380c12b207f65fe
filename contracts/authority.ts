import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.ts';
import { DepartmentSchema } from '../kernel/roles.ts';
import { StreetSchema } from '../kernel/jurisdiction.ts';

const source = 'five-haves.authority';

export const ConsentDecision = z.enum(['granted', 'refused']);

/** The areas a district power belongs to. */
export const PowerDomain = z.enum(['social-governance', 'market-supervision', 'convenience-services', 'law-enforcement']);
export const OpinionRating = z.enum(['excellent', 'good', 'fair', 'poor']);
/** A year `2026`, a half `2026-H1` or a quarter `2026-Q3`. */
export const PeriodSchema = z
  .string()
  .check(z.regex(/^\d{4}(-H[12]|-Q[1-4])?$/, 'a year such as 2026, a half such as 2026-H1 or a quarter such as 2026-Q3'));
const CalendarDate = z.iso.date();

/** A consent case opened for an appointment request; the street committee now has to decide. */
export const ConsentCaseOpened = defineEvent({
  source,
  detailType: 'ConsentCaseOpened',
  schemaVersion: 1,
  data: () => z.object({
    caseId: z.string(),
    appointmentId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    dueBy: z.iso.datetime(),
  }),
});

/** The street party committee's written decision on an appointment or removal. */
export const ConsentRecorded = defineEvent({
  source,
  detailType: 'ConsentRecorded',
  schemaVersion: 1,
  data: () => z.object({
    caseId: z.string(),
    appointmentId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    decision: ConsentDecision,
    writtenOpinion: z.string(),
    decidedBy: z.string(),
    decidedAt: z.iso.datetime(),
    late: z.boolean(),
  }),
});

/**
 * The street's half of the double assessment of a member of staff a department stations in it.
 * Recruitment adds it to the staff member's record.
 */
export const AssessmentRecorded = defineEvent({
  source,
  detailType: 'AssessmentRecorded',
  schemaVersion: 1,
  data: () => z.object({
    assessmentId: z.string(),
    /** The staff member's id in the recruitment roster. */
    staffId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    /** The period assessed: a year `2026`, a half `2026-H1` or a quarter `2026-Q3`. */
    period: z.string().check(z.regex(/^\d{4}(-H[12]|-Q[1-4])?$/)),
    score: z.number().check(z.int(), z.gte(0), z.lte(100)),
    comment: z.string(),
    assessedBy: z.string(),
    assessedAt: z.iso.datetime(),
  }),
});

/** The department's half of the double assessment: same shape as the street's. */
export const DepartmentAssessmentRecorded = defineEvent({
  source,
  detailType: 'DepartmentAssessmentRecorded',
  schemaVersion: 1,
  data: () => AssessmentRecorded.data,
});

/** A power entered in the catalog of powers that may be delegated to streets. */
export const PowerCataloged = defineEvent({
  source,
  detailType: 'PowerCataloged',
  schemaVersion: 1,
  data: () => z.object({
    code: z.string(),
    name: z.string(),
    domain: PowerDomain,
    legalBasis: z.string(),
    fromDepartment: DepartmentSchema,
  }),
});

/**
 * A district's decision to delegate was accepted (`POST /authority/delegations` answered 202): its
 * grants are now being written, and PowersDelegated follows once every one exists.
 */
export const DelegationAccepted = defineEvent({
  source,
  detailType: 'DelegationAccepted',
  schemaVersion: 1,
  data: () => z.object({
    delegationId: z.string(),
    decisionRef: z.string(),
    district: z.string(),
    effectiveOn: CalendarDate,
    /** codes × streets: the street-power pairs it grants. */
    grants: z.number().check(z.int()),
    /** The grant items that hold them. */
    grantItems: z.number().check(z.int()),
  }),
});

/**
 * Progress of a delegation being granted: `written` of its `grantItems` exist. Authority's own
 * consumer takes the next step from it; other subscribers need not (PowersDelegated says it is done).
 */
export const DelegationGrantsWritten = defineEvent({
  source,
  detailType: 'DelegationGrantsWritten',
  schemaVersion: 1,
  data: () => z.object({
    delegationId: z.string(),
    district: z.string(),
    written: z.number().check(z.int()),
    grantItems: z.number().check(z.int()),
  }),
});

/**
 * A district delegated a set of powers to a set of streets from a date: every code to every street.
 * Emitted once every grant is written (the delegation is in force). The event names the two sets,
 * not the pairs: 1,000 codes and 100 streets stay under 50 KB, far below EventBridge's 256 KB, where
 * 100,000 pairs would not.
 */
export const PowersDelegated = defineEvent({
  source,
  detailType: 'PowersDelegated',
  schemaVersion: 1,
  data: () => z.object({
    delegationId: z.string(),
    /** The number of the district government's decision document. */
    decisionRef: z.string(),
    district: z.string(),
    effectiveOn: CalendarDate,
    codes: z.array(z.string()),
    streets: z.array(StreetSchema),
    /** codes × streets: how many street-power grants the delegation makes. */
    grants: z.number().check(z.int()),
  }),
});

/** A delegation taken back from a date (the streets no longer hold its powers on and after it). */
export const DelegationRevoked = defineEvent({
  source,
  detailType: 'DelegationRevoked',
  schemaVersion: 1,
  data: () => z.object({
    delegationId: z.string(),
    decisionRef: z.string(),
    district: z.string(),
    effectiveOn: CalendarDate,
    revokedFrom: CalendarDate,
    reason: z.string(),
    codes: z.array(z.string()),
    streets: z.array(StreetSchema),
  }),
});

/** A department's evaluation asks a street committee for its written opinion on units in the street. */
export const OpinionRequested = defineEvent({
  source,
  detailType: 'OpinionRequested',
  schemaVersion: 1,
  data: () => z.object({
    evaluationId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    title: z.string(),
    period: PeriodSchema,
    /** The units in this street under evaluation. */
    units: z.array(z.string()),
    dueBy: z.iso.datetime(),
  }),
});

/** The street committee's written opinion for an evaluation; one per street. */
export const OpinionRecorded = defineEvent({
  source,
  detailType: 'OpinionRecorded',
  schemaVersion: 1,
  data: () => z.object({
    evaluationId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    rating: OpinionRating,
    text: z.string(),
    givenBy: z.string(),
    givenAt: z.iso.datetime(),
    late: z.boolean(),
  }),
});

/**
 * An evaluation made final once every street gave its opinion. The opinions' ratings are attached;
 * their texts travelled in OpinionRecorded, so that 40 long opinions cannot push this past 256 KB.
 */
export const EvaluationFinalized = defineEvent({
  source,
  detailType: 'EvaluationFinalized',
  schemaVersion: 1,
  data: () => z.object({
    evaluationId: z.string(),
    department: DepartmentSchema,
    title: z.string(),
    period: PeriodSchema,
    conclusion: z.string(),
    opinions: z.array(z.object({ street: StreetSchema, rating: OpinionRating, givenAt: z.iso.datetime() })),
    finalizedBy: z.string(),
    finalizedAt: z.iso.datetime(),
  }),
});

import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.ts';
import { DepartmentSchema } from '../kernel/roles.ts';
import { StreetSchema } from '../kernel/jurisdiction.ts';

// The words of recruitment its events carry (services/recruitment/vocabulary.ts holds the rest).

/** Career-establishment posts (事业编制), town and street civil servants, community workers. */
export const PositionKind = z.enum(['career-establishment', 'civil-servant', 'community-worker']);
export type PositionKind = z.output<typeof PositionKind>;

/**
 * Where an applicant works now; a position names the pools it recruits from. `other` is everyone
 * else (graduates, the general public).
 */
export const SourcePool = z.enum(['village-cadre', 'community-worker', 'civil-servant', 'public-institution', 'other']);
export type SourcePool = z.output<typeof SourcePool>;

/** Education, lowest first: the order the `minEducation` rule compares by. */
export const Education = z.enum(['junior-secondary', 'senior-secondary', 'vocational-college', 'bachelor', 'master', 'doctorate']);
export type Education = z.output<typeof Education>;

/** The screening rules, each with its own reason. */
export const ScreeningRule = z.enum(['source-pool', 'years-of-service', 'age', 'education']);
export type ScreeningRule = z.output<typeof ScreeningRule>;

export const FlagReason = z.enum(['no-approval', 'past-due']);
export type FlagReason = z.output<typeof FlagReason>;

export const Eligibility = z.strictObject({
  sourcePools: z
    .array(SourcePool)
    .check(
      z.minLength(1, 'name at least one source pool'),
      z.maxLength(SourcePool.options.length, `at most the ${SourcePool.options.length} source pools`),
      z.refine((pools) => new Set(pools).size === pools.length, 'each pool once'),
    ),
  minYearsOfService: z.optional(z.number().check(z.int(), z.gte(0), z.lte(50))),
  /** Age in whole years on the day the application window opens. */
  maxAge: z.optional(z.number().check(z.int(), z.gte(18), z.lte(65))),
  minEducation: z.optional(Education),
});
export type Eligibility = z.output<typeof Eligibility>;

const source = 'five-haves.recruitment';

export const Nominee = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** The person's id in the district's personnel records, where known. */
  personId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
});

export const AppointmentAction = z.enum(['appoint', 'remove']);

const appointmentFacts = {
  appointmentId: z.string(),
  street: StreetSchema,
  department: DepartmentSchema,
  agency: z.string(),
  action: AppointmentAction,
  nominee: Nominee,
};

/** A department asks the street's consent to appoint (or remove) the head of its agency there. */
export const AppointmentRequested = defineEvent({
  source,
  detailType: 'AppointmentRequested',
  schemaVersion: 1,
  data: () => z.object({ ...appointmentFacts, reason: z.string(), requestedAt: z.iso.datetime() }),
});

/**
 * Recruitment took note of the street's consent case for an appointment (authority's
 * ConsentCaseOpened): the appointment names the case and when its decision is due. Usually while the
 * appointment awaits consent; the decision may have travelled faster, and then it is noted after.
 */
export const AppointmentConsentCaseNoted = defineEvent({
  source,
  detailType: 'AppointmentConsentCaseNoted',
  schemaVersion: 1,
  data: () => z.object({ ...appointmentFacts, consentCaseId: z.string(), consentDueBy: z.iso.datetime() }),
});

export const AppointmentConfirmed = defineEvent({
  source,
  detailType: 'AppointmentConfirmed',
  schemaVersion: 1,
  data: () => z.object({ ...appointmentFacts, consentCaseId: z.string(), decidedAt: z.iso.datetime() }),
});

export const AppointmentRejected = defineEvent({
  source,
  detailType: 'AppointmentRejected',
  schemaVersion: 1,
  data: () => z.object({
    ...appointmentFacts,
    consentCaseId: z.string(),
    decidedAt: z.iso.datetime(),
    writtenOpinion: z.string(),
  }),
});

// The job board, hiring, the roster and secondments. No event carries an applicant's birth date or
// profile: subscribers learn outcomes (eligible or not, by which rules; hired), never the personal data.

/** The district's annual plan: per street, the posts it may recruit and how many are reserved. */
export const RecruitmentPlanAdopted = defineEvent({
  source,
  detailType: 'RecruitmentPlanAdopted',
  schemaVersion: 1,
  data: () => z.object({
    district: z.string(),
    year: z.number().check(z.int()),
    streets: z.array(z.object({ street: StreetSchema, posts: z.number().check(z.int()), reserved: z.number().check(z.int()) })),
    adoptedAt: z.iso.datetime(),
  }),
});

const positionFacts = {
  positionId: z.string(),
  title: z.string(),
  street: StreetSchema,
  kind: PositionKind,
  quota: z.number().check(z.int()),
};

/** A draft, visible to no applicant yet. */
export const PositionDrafted = defineEvent({
  source,
  detailType: 'PositionDrafted',
  schemaVersion: 1,
  data: () => z.object({ ...positionFacts, draftedAt: z.iso.datetime() }),
});

/** On the public job board, within the plan's posts for its street. */
export const PositionPublished = defineEvent({
  source,
  detailType: 'PositionPublished',
  schemaVersion: 1,
  data: () => z.object({
    ...positionFacts,
    year: z.number().check(z.int()),
    eligibility: Eligibility,
    opensAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    publishedAt: z.iso.datetime(),
  }),
});

/** An application, screened at once: `failedRules` empty when eligible. */
export const ApplicationSubmitted = defineEvent({
  source,
  detailType: 'ApplicationSubmitted',
  schemaVersion: 1,
  data: () => z.object({
    applicationId: z.string(),
    positionId: z.string(),
    street: StreetSchema,
    /** The applicant's subject (the identity provider's opaque id). */
    applicant: z.string(),
    outcome: z.enum(['eligible', 'ineligible']),
    failedRules: z.array(ScreeningRule),
    submittedAt: z.iso.datetime(),
  }),
});

/** An exam score recorded, or corrected (then `previousScore` says what it was). */
export const ApplicationScored = defineEvent({
  source,
  detailType: 'ApplicationScored',
  schemaVersion: 1,
  data: () => z.object({
    applicationId: z.string(),
    positionId: z.string(),
    score: z.number(),
    previousScore: z.optional(z.number()),
    scoredAt: z.iso.datetime(),
  }),
});

/** Ranking done: `filled` when someone was hired, `closed` when nobody could be. */
export const PositionClosed = defineEvent({
  source,
  detailType: 'PositionClosed',
  schemaVersion: 1,
  data: () => z.object({
    ...positionFacts,
    status: z.enum(['closed', 'filled']),
    hired: z.number().check(z.int()),
    notSelected: z.number().check(z.int()),
    closedAt: z.iso.datetime(),
  }),
});

/** One per person hired: they join the street's roster. */
export const StaffHired = defineEvent({
  source,
  detailType: 'StaffHired',
  schemaVersion: 1,
  data: () => z.object({
    staffId: z.string(),
    name: z.string(),
    street: StreetSchema,
    kind: PositionKind,
    positionId: z.string(),
    positionTitle: z.string(),
    applicationId: z.string(),
    /** 1 for the best score. */
    rank: z.number().check(z.int()),
    score: z.number(),
    hiredAt: z.iso.datetime(),
  }),
});

const secondmentFacts = {
  secondmentId: z.string(),
  staffId: z.string(),
  street: StreetSchema,
  toUnit: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
};

/** A member of a street's staff lent out to another unit. */
export const SecondmentStarted = defineEvent({
  source,
  detailType: 'SecondmentStarted',
  schemaVersion: 1,
  data: () => z.object({ ...secondmentFacts, approvalRef: z.optional(z.string()), recordedAt: z.iso.datetime() }),
});

/** Once per secondment: it has no approval reference, or it ran past its end without a recall. */
export const SecondmentFlagged = defineEvent({
  source,
  detailType: 'SecondmentFlagged',
  schemaVersion: 1,
  data: () => z.object({ ...secondmentFacts, reasons: z.array(FlagReason).check(z.minLength(1)), flaggedAt: z.iso.datetime() }),
});

/**
 * The approval a secondment lacked is on record now. `unflagged` when that was its only flag (it is
 * active again); a secondment also past its end stays flagged until it is recalled.
 */
export const SecondmentApproved = defineEvent({
  source,
  detailType: 'SecondmentApproved',
  schemaVersion: 1,
  data: () => z.object({ ...secondmentFacts, approvalRef: z.string(), unflagged: z.boolean(), approvedAt: z.iso.datetime() }),
});

/** Recalled: the member is back in post. */
export const SecondmentEnded = defineEvent({
  source,
  detailType: 'SecondmentEnded',
  schemaVersion: 1,
  data: () => z.object({ ...secondmentFacts, endedOn: z.iso.date(), wasFlagged: z.boolean(), endedAt: z.iso.datetime() }),
});

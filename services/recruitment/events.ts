import * as z from 'zod/mini';
import { defineEvent } from '../../kernel/events.ts';
import { DepartmentSchema, StreetSchema } from '../../kernel/roles.ts';
import { Eligibility, FlagReason, PositionKind, ScreeningRule } from './vocabulary.ts';

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
  data: z.object({ ...appointmentFacts, reason: z.string(), requestedAt: z.iso.datetime() }),
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
  data: z.object({ ...appointmentFacts, consentCaseId: z.string(), consentDueBy: z.iso.datetime() }),
});

export const AppointmentConfirmed = defineEvent({
  source,
  detailType: 'AppointmentConfirmed',
  schemaVersion: 1,
  data: z.object({ ...appointmentFacts, consentCaseId: z.string(), decidedAt: z.iso.datetime() }),
});

export const AppointmentRejected = defineEvent({
  source,
  detailType: 'AppointmentRejected',
  schemaVersion: 1,
  data: z.object({
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
  data: z.object({
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
  data: z.object({ ...positionFacts, draftedAt: z.iso.datetime() }),
});

/** On the public job board, within the plan's posts for its street. */
export const PositionPublished = defineEvent({
  source,
  detailType: 'PositionPublished',
  schemaVersion: 1,
  data: z.object({
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
  data: z.object({
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
  data: z.object({
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
  data: z.object({
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
  data: z.object({
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
  data: z.object({ ...secondmentFacts, approvalRef: z.optional(z.string()), recordedAt: z.iso.datetime() }),
});

/** Once per secondment: it has no approval reference, or it ran past its end without a recall. */
export const SecondmentFlagged = defineEvent({
  source,
  detailType: 'SecondmentFlagged',
  schemaVersion: 1,
  data: z.object({ ...secondmentFacts, reasons: z.array(FlagReason).check(z.minLength(1)), flaggedAt: z.iso.datetime() }),
});

/** Recalled: the member is back in post. */
export const SecondmentEnded = defineEvent({
  source,
  detailType: 'SecondmentEnded',
  schemaVersion: 1,
  data: z.object({ ...secondmentFacts, endedOn: z.iso.date(), wasFlagged: z.boolean(), endedAt: z.iso.datetime() }),
});

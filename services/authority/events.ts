import * as z from 'zod';
import { defineEvent } from '../../kernel/events.ts';
import { DepartmentSchema, StreetSchema } from '../../kernel/roles.ts';

const source = 'five-haves.authority';

export const ConsentDecision = z.enum(['granted', 'refused']);

/** A consent case opened for an appointment request; the street committee now has to decide. */
export const ConsentCaseOpened = defineEvent({
  source,
  detailType: 'ConsentCaseOpened',
  schemaVersion: 1,
  data: z.object({
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
  data: z.object({
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
  data: z.object({
    assessmentId: z.string(),
    /** The staff member's id in the recruitment roster. */
    staffId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    /** The period assessed: a year `2026`, a half `2026-H1` or a quarter `2026-Q3`. */
    period: z.string().regex(/^\d{4}(-H[12]|-Q[1-4])?$/),
    score: z.number().int().min(0).max(100),
    comment: z.string(),
    assessedBy: z.string(),
    assessedAt: z.iso.datetime(),
  }),
});

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

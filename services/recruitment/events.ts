import * as z from 'zod';
import { defineEvent } from '../../kernel/events.ts';
import { DepartmentSchema, StreetSchema } from '../../kernel/roles.ts';

const source = 'five-haves.recruitment';

export const Nominee = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The person's id in the district's personnel records, where known. */
  personId: z.string().trim().min(1).max(64).optional(),
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

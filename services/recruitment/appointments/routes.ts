import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { DepartmentSchema, StreetSchema } from '../../../kernel/roles.ts';
import { AppointmentAction, Nominee } from '../events.ts';
import { Ulid } from '../vocabulary.ts';

const AppointmentId = z.strictObject({ id: Ulid });
const Instant = z.iso.datetime();

/** An appointment request and where it stands. */
const AppointmentView = z
  .object({
    id: Ulid,
    street: StreetSchema,
    department: DepartmentSchema,
    agency: z.string(),
    action: AppointmentAction,
    nominee: Nominee,
    reason: z.string(),
    status: z.enum(['awaiting-consent', 'confirmed', 'rejected']),
    requestedAt: Instant,
    requestedBy: z.string(),
    consentCaseId: z.optional(z.string()),
    decidedAt: z.optional(Instant),
    writtenOpinion: z.optional(z.string()),
    version: z.number().check(z.int(), z.positive()),
  })
  .check(z.meta({ title: 'Appointment' }));

const nomination = {
  street: 'D01/S03',
  agency: 'Market supervision station S03',
  action: 'appoint',
  nominee: { name: 'Wang Li' },
  reason: 'The former head retired.',
} as const;

/** Appointments of the heads of agencies that departments station in a street. */
export const appointmentRoutes = defineRoutes({
  requestAppointment: {
    method: 'POST',
    path: '/recruitment/appointments',
    summary: "A department nominates (or asks to remove) the head of its agency in a street; the street's consent decides.",
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    body: z.strictObject({
      street: StreetSchema,
      agency: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      action: z._default(AppointmentAction, 'appoint'),
      nominee: Nominee,
      reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
    }),
    status: 202,
    idempotent: true,
    response: AppointmentView,
    examples: {
      body: nomination,
      response: {
        id: '01JDQ8Z3K4M5N6P7Q8R9S0T1V2',
        department: 'market-supervision',
        ...nomination,
        status: 'awaiting-consent',
        requestedAt: '2026-11-27T08:30:00.000Z',
        requestedBy: 'c7d1e2f3-0a1b-4c5d-8e9f-123456789abc',
        version: 1,
      },
    },
  },
  getAppointment: {
    method: 'GET',
    path: '/recruitment/appointments/{id}',
    summary: 'One appointment request and where it stands.',
    access: {
      roles: ['department', 'street-official', 'street-committee', 'organization-dept', 'district-admin'],
      jurisdiction: 'subject',
      department: 'own',
    },
    params: AppointmentId,
    status: 200,
    response: AppointmentView,
  },
});

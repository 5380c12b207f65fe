import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { DistrictSchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { AppointmentAction, Nominee } from '../../../contracts/recruitment.ts';
import { Ulid } from '../../../kernel/ids.ts';

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
    consentCaseId: z
      .optional(Ulid)
      .check(z.meta({ description: "The street's consent case: set as soon as authority has opened it." })),
    consentDueBy: z
      .optional(Instant)
      .check(z.meta({ description: "When the street committee's decision is due; set with `consentCaseId` when the case opens." })),
    decidedAt: z.optional(Instant),
    writtenOpinion: z.optional(z.string()),
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
    summary: 'Nominate or remove an agency head',
    description:
      "A department nominates (or asks to remove) the head of its agency in a street; the street's consent decides. " +
      'The answer is 202: the appointment awaits the consent of the street party committee, whose consent case ' +
      'authority opens from `AppointmentRequested`; `consentCaseId` appears on the appointment once the case is open. ' +
      '409 while another request for the same post awaits consent.',
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
      },
    },
  },
  listAppointments: {
    method: 'GET',
    path: '/recruitment/appointments',
    summary: 'A department’s nominations of agency heads',
    description:
      'The nominations (and requests to remove) a department made in a district, newest first, each where it stands: awaiting ' +
      'consent (with its consent case and when the street’s decision is due, once open), confirmed or rejected with the ' +
      'written opinion. A department reads its own (the default); the district office names the `department` (400 without).',
    access: { roles: ['department', 'district-admin'], jurisdiction: 'subject', department: 'own' },
    query: z.extend(PageQuery, {
      /** Default the caller's own department. */
      department: z.optional(DepartmentSchema),
      /** Default the caller's district. */
      district: z.optional(DistrictSchema),
    }),
    status: 200,
    response: pageOf(AppointmentView),
  },
  getAppointment: {
    method: 'GET',
    path: '/recruitment/appointments/{id}',
    summary: 'An appointment request',
    description: 'One appointment request and where it stands: awaiting consent (with its consent case once open), confirmed or rejected.',
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

import * as z from 'zod';
import { defineRoutes } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { AppointmentAction, Nominee } from '../events.ts';
import { Ulid } from '../vocabulary.ts';

const AppointmentId = z.strictObject({ id: Ulid });

/** Appointments of the heads of agencies that departments station in a street. */
export const appointmentRoutes = defineRoutes({
  requestAppointment: {
    method: 'POST',
    path: '/recruitment/appointments',
    summary: "A department nominates (or asks to remove) the head of its agency in a street; the street's consent decides.",
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    body: z.strictObject({
      street: StreetSchema,
      agency: z.string().trim().min(1).max(200),
      action: AppointmentAction.default('appoint'),
      nominee: Nominee,
      reason: z.string().trim().min(1).max(4000),
    }),
    status: 202,
    idempotent: true,
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
  },
});

import * as z from 'zod';
import { defineRoutes } from '../../../kernel/routes.ts';
import { DepartmentSchema, StreetSchema } from '../../../kernel/roles.ts';
import { IdParam } from '../vocabulary.ts';

const Members = z.strictObject({
  departments: z.array(DepartmentSchema).max(50).default([]),
  streets: z.array(StreetSchema).max(100).default([]),
  /** Management committees of development or high-tech zones. */
  zoneCommittees: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

/** Joint meetings of departments, streets and zone committees, and their decisions. */
export const meetingRoutes = defineRoutes({
  conveneMeeting: {
    method: 'POST',
    path: '/coordination/meetings',
    summary: 'A joint meeting: members, time window, agenda; a venue is asked of premises; waiting escalated issues join its agenda.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    body: z
      .strictObject({
        title: z.string().trim().min(1).max(200),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        /** The street whose rooms premises tries first. */
        hostStreet: StreetSchema,
        members: Members,
        agenda: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
        attendees: z.number().int().min(1).max(500).optional(),
      })
      .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], message: 'must be after startsAt' })
      .refine((m) => m.members.departments.length + m.members.streets.length + m.members.zoneCommittees.length > 0, {
        path: ['members'],
        message: 'name at least one member',
      }),
    status: 201,
    idempotent: true,
  },
  getMeeting: {
    method: 'GET',
    path: '/coordination/meetings/{id}',
    summary: 'A meeting: its venue, its agenda with the escalated issues that joined it, its decisions and their money.',
    access: { roles: ['district-admin', 'department'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
  },
  recordDecision: {
    method: 'POST',
    path: '/coordination/meetings/{id}/decisions',
    summary: 'A decision: owner department and deadline; with fundingFen, money is asked of funding.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: IdParam,
    body: z.strictObject({
      title: z.string().trim().min(1).max(500),
      ownerDepartment: DepartmentSchema,
      deadline: z.iso.date(),
      /** The street the money is for (default the meeting's host street). */
      street: StreetSchema.optional(),
      fundingFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
      purpose: z.string().trim().min(1).max(500).optional(),
    }),
    status: 201,
    idempotent: true,
  },
});

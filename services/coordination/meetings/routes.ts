import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { DepartmentSchema, StreetSchema } from '../../../kernel/roles.ts';
import { IdParam } from '../vocabulary.ts';

const Members = z.strictObject({
  departments: z._default(z.array(DepartmentSchema).check(z.maxLength(50)), []),
  streets: z._default(z.array(StreetSchema).check(z.maxLength(100)), []),
  /** Management committees of development or high-tech zones. */
  zoneCommittees: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))).check(z.maxLength(20)), []),
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
        title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        /** The street whose rooms premises tries first. */
        hostStreet: StreetSchema,
        members: Members,
        agenda: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))).check(z.maxLength(50)), []),
        attendees: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500))),
      })
      .check(
        z.refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], message: 'must be after startsAt' }),
        z.refine((m) => m.members.departments.length + m.members.streets.length + m.members.zoneCommittees.length > 0, {
          path: ['members'],
          message: 'name at least one member',
        }),
      ),
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
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
      ownerDepartment: DepartmentSchema,
      deadline: z.iso.date(),
      /** The street the money is for (default the meeting's host street). */
      street: z.optional(StreetSchema),
      fundingFen: z.optional(z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER))),
      purpose: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
    }),
    status: 201,
    idempotent: true,
  },
});

import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { Eligibility, PositionKind, PositionStatus, Ulid } from '../vocabulary.ts';
import { MAX_QUOTA } from './closing.ts';

const PositionId = z.strictObject({ id: Ulid });
const Instant = z.iso.datetime({ offset: true });

const PositionBody = z
  .strictObject({
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    description: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
    street: StreetSchema,
    kind: PositionKind,
    quota: z.number().check(z.int(), z.gte(1), z.lte(MAX_QUOTA)),
    eligibility: Eligibility,
    opensAt: Instant,
    closesAt: Instant,
    /** The plan year whose posts it uses; default the year the window opens. */
    year: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2100))),
  })
  .check(
    z.refine((p) => Date.parse(p.closesAt) > Date.parse(p.opensAt), { path: ['closesAt'], message: 'must be after opensAt' }),
  );

/** A position as the public job board shows it (no personal or internal data). */
const BoardPosition = z
  .object({
    id: Ulid,
    title: z.string(),
    description: z.optional(z.string()),
    street: StreetSchema,
    kind: PositionKind,
    quota: z.number().check(z.int()),
    eligibility: Eligibility,
    opensAt: Instant,
    closesAt: Instant,
    year: z.number().check(z.int()),
    status: PositionStatus,
    publishedAt: z.optional(Instant),
    closedAt: z.optional(Instant),
    hired: z.optional(z.number().check(z.int(), z.nonnegative())),
    window: z.enum(['upcoming', 'open', 'ended']).check(z.meta({ description: 'Whether it takes applications now.' })),
  })
  .check(z.meta({ title: 'BoardPosition' }));

/** Positions: drafted, published within the plan, listed on the public job board, closed by ranking. */
export const positionRoutes = defineRoutes({
  draftPosition: {
    method: 'POST',
    path: '/recruitment/positions',
    summary: 'A draft position for a street: title, kind, quota, eligibility and application window.',
    access: { roles: ['organization-dept', 'street-official'], jurisdiction: 'subject' },
    body: PositionBody,
    status: 201,
    idempotent: true,
  },
  publishPosition: {
    method: 'POST',
    path: '/recruitment/positions/{id}/publish',
    summary: "Draft → published on the job board; 409 when the plan's remaining posts for the street are too few.",
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: PositionId,
    status: 200,
  },
  listPositions: {
    method: 'GET',
    path: '/recruitment/positions',
    summary: 'The public job board: positions by status (default published), street and kind, newest first.',
    access: { public: true },
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['published', 'closed', 'filled']), 'published'),
      street: z.optional(StreetSchema),
      kind: z.optional(PositionKind),
    }),
    status: 200,
    response: pageOf(BoardPosition),
  },
  getPosition: {
    method: 'GET',
    path: '/recruitment/positions/{id}',
    summary: 'One position on the job board, and whether it takes applications now.',
    access: { public: true },
    params: PositionId,
    status: 200,
    response: BoardPosition,
  },
  closePosition: {
    method: 'POST',
    path: '/recruitment/positions/{id}/close',
    summary: 'After the window: rank eligible scored applications, hire the top quota (StaffHired each), the rest not selected.',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: PositionId,
    status: 200,
  },
});

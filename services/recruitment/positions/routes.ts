import * as z from 'zod/mini';
import { DistrictSchema, StreetInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';

import { Ulid } from '../../../kernel/ids.ts';
import { Eligibility, PositionKind, PositionStatus } from '../vocabulary.ts';
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

const Count = z.number().check(z.int(), z.nonnegative());

/** A position as the office sees it: the board's view and the office's own figures. */
const OfficePosition = z
  .extend(BoardPosition, {
    district: DistrictSchema,
    draftedAt: Instant,
    applications: Count.check(z.meta({ description: 'Applications received.' })),
    eligibleApplications: Count.check(z.meta({ description: 'Of those, eligible at screening.' })),
    notSelected: z.optional(Count).check(z.meta({ description: 'Set on closing: eligible applications not hired.' })),
  })
  .check(z.meta({ title: 'Position' }));

/** Closing: the position, who was hired, and how many eligible applications were not. */
const ClosingView = z
  .object({
    position: OfficePosition,
    hired: z.array(
      z.object({
        staffId: Ulid,
        applicationId: Ulid,
        name: z.string(),
        rank: z.number().check(z.int(), z.positive()),
        score: z.number(),
      }),
    ),
    notSelected: Count,
  })
  .check(z.meta({ title: 'PositionClosing' }));

/** Positions: drafted, published within the plan, listed on the public job board, closed by ranking. */
export const positionRoutes = defineRoutes({
  draftPosition: {
    method: 'POST',
    path: '/recruitment/positions',
    summary: 'Draft a position',
    description: 'A draft position for a street: title, kind, quota, eligibility and application window. A draft is not on the job board.',
    access: { roles: ['organization-dept', 'street-official'], jurisdiction: 'subject' },
    body: PositionBody,
    status: 201,
    idempotent: true,
    response: OfficePosition,
  },
  publishPosition: {
    method: 'POST',
    path: '/recruitment/positions/{id}/publish',
    summary: 'Publish a position on the job board',
    description:
      "Draft → published on the job board; 409 when the plan's remaining posts for the street are too few " +
      '(posts reserved for village cadres and community workers only for positions open to those pools alone).',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: PositionId,
    status: 200,
    response: OfficePosition,
  },
  draftPositions: {
    method: 'GET',
    path: '/recruitment/streets/{street}/draft-positions',
    summary: 'A street’s draft positions',
    description:
      'The positions drafted for a street and not yet published, newest first: what the office may still publish. Not on the job board. ' +
      'The street is written `D01-S03`.',
    access: { roles: ['organization-dept', 'street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    query: PageQuery,
    status: 200,
    response: pageOf(OfficePosition),
  },
  listPositions: {
    method: 'GET',
    path: '/recruitment/positions',
    summary: 'The public job board',
    description: 'The public job board: positions by status (default published), street and kind, newest first. No token needed.',
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
    summary: 'A position on the job board',
    description: 'One position on the job board, and whether it takes applications now (`window`). A draft is 404.',
    access: { public: true },
    params: PositionId,
    status: 200,
    response: BoardPosition,
  },
  closePosition: {
    method: 'POST',
    path: '/recruitment/positions/{id}/close',
    summary: 'Close a position and hire',
    description:
      'After the window: rank eligible scored applications (score, then earlier submission), hire the top quota ' +
      '(`StaffHired` each, all in one transaction), the rest not selected. 409 before `closesAt` and once closed.',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: PositionId,
    status: 200,
    response: ClosingView,
  },
});

import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { DistrictSchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { OpinionRating, PeriodSchema } from '../../../contracts/authority.ts';
import { MAX_EVALUATION_STREETS } from './domain.ts';
import { ulidOf } from '../../../kernel/ids.ts';

const Ulid = ulidOf('an evaluation id');
const EvaluationId = z.strictObject({ id: Ulid });
const Instant = z.iso.datetime();

/** What one street is asked for, and its committee's opinion once given. */
const OpinionRequestView = z
  .object({
    evaluationId: Ulid,
    street: StreetSchema,
    department: DepartmentSchema,
    title: z.string(),
    period: PeriodSchema,
    units: z.array(z.string()).check(z.meta({ description: 'The units in this street under evaluation.' })),
    status: z.enum(['waiting', 'given']),
    requestedAt: Instant,
    dueBy: Instant.check(z.meta({ description: 'The end of the 10th working day after the request.' })),
    opinion: z.optional(
      z.object({
        rating: OpinionRating,
        text: z.string(),
        givenBy: z.string(),
        givenAt: Instant,
        late: z.boolean().check(z.meta({ description: 'Given after `dueBy`.' })),
      }),
    ),
    overdue: z.boolean().check(z.meta({ description: 'Still waiting past `dueBy`.' })),
  })
  .check(z.meta({ title: 'OpinionRequest' }));

/** An evaluation and the streets' opinions on it. */
const EvaluationView = z
  .object({
    id: Ulid,
    department: DepartmentSchema,
    title: z.string(),
    period: PeriodSchema,
    description: z.optional(z.string()),
    units: z.array(z.object({ street: StreetSchema, name: z.string() })),
    streets: z.array(StreetSchema),
    status: z.enum(['awaiting-opinions', 'final']),
    requestedAt: Instant,
    requestedBy: z.string(),
    conclusion: z.optional(z.string()),
    finalizedAt: z.optional(Instant),
    finalizedBy: z.optional(z.string()),
    opinions: z.array(OpinionRequestView).check(z.meta({ description: 'One per street asked, by street.' })),
  })
  .check(z.meta({ title: 'Evaluation' }));

/** Evaluations of units in streets: the streets' written opinions first, then the final result. */
export const evaluationRoutes = defineRoutes({
  requestEvaluation: {
    method: 'POST',
    path: '/authority/evaluations',
    summary: 'Request an evaluation of units',
    description:
      "A department's evaluation of its units in one or more streets for a period; asks each street for its written opinion " +
      '(`OpinionRequested` per street, due in 10 working days).',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    body: z.strictObject({
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      period: PeriodSchema,
      description: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
      units: z
        .array(z.strictObject({ street: StreetSchema, name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)) }))
        .check(
          z.minLength(1),
          z.maxLength(200),
          z.refine(
            (units) => new Set(units.map((u) => u.street)).size <= MAX_EVALUATION_STREETS,
            `units in at most ${MAX_EVALUATION_STREETS} streets`,
          ),
        ),
    }),
    status: 201,
    idempotent: true,
    response: EvaluationView,
  },
  listEvaluations: {
    method: 'GET',
    path: '/authority/evaluations',
    summary: "A department's evaluations",
    description:
      "The evaluations a department requested in a district (default the caller's department and district), newest first, each with " +
      'the opinions it waits for or was given. A department reads only its own.',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    query: z.extend(PageQuery, { department: z.optional(DepartmentSchema), district: z.optional(DistrictSchema) }),
    status: 200,
    response: pageOf(EvaluationView),
  },
  getEvaluation: {
    method: 'GET',
    path: '/authority/evaluations/{id}',
    summary: 'An evaluation',
    description: 'One evaluation with the opinions given so far (the department; a committee of one of its streets).',
    access: { roles: ['department', 'street-committee'], jurisdiction: 'subject', department: 'own' },
    params: EvaluationId,
    status: 200,
    response: EvaluationView,
  },
  listOpinionRequests: {
    method: 'GET',
    path: '/authority/opinion-requests',
    summary: "Opinion requests to a street",
    description: "The evaluations waiting for a street's written opinion (oldest first), or those it answered (newest first); default the caller's street.",
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['waiting', 'given']), 'waiting'),
      /** Defaults to the caller's own street. */
      street: z.optional(StreetSchema),
    }),
    status: 200,
    response: pageOf(OpinionRequestView),
  },
  giveOpinion: {
    method: 'POST',
    path: '/authority/evaluations/{id}/opinions',
    summary: "Give the street's written opinion",
    description: "The street committee's written opinion and rating; one per street (409 on a second); a street not asked is 403.",
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    params: EvaluationId,
    body: z.strictObject({
      rating: OpinionRating,
      text: z.string().check(z.trim(), z.minLength(1, 'the written opinion is required'), z.maxLength(4000)),
      /** Defaults to the committee's own street. */
      street: z.optional(StreetSchema),
    }),
    status: 200,
    idempotent: true,
    response: OpinionRequestView,
  },
  finalizeEvaluation: {
    method: 'POST',
    path: '/authority/evaluations/{id}/finalize',
    summary: 'Finalize an evaluation',
    description: 'Make an evaluation final with its conclusion; 409 until every street has given its opinion, and once final.',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    params: EvaluationId,
    body: z.strictObject({
      conclusion: z.string().check(z.trim(), z.minLength(1, 'the conclusion is required'), z.maxLength(10_000)),
    }),
    status: 200,
    idempotent: true,
    response: EvaluationView,
  },
});

import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { OpinionRating, PeriodSchema } from '../events.ts';
import { MAX_EVALUATION_STREETS } from './domain.ts';

const EvaluationId = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an evaluation id')) });

/** Evaluations of units in streets: the streets' written opinions first, then the final result. */
export const evaluationRoutes = defineRoutes({
  requestEvaluation: {
    method: 'POST',
    path: '/authority/evaluations',
    summary: "A department's evaluation of its units in one or more streets for a period; asks each street for its written opinion.",
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
  },
  getEvaluation: {
    method: 'GET',
    path: '/authority/evaluations/{id}',
    summary: 'One evaluation with the opinions given so far (the department; a committee of one of its streets).',
    access: { roles: ['department', 'street-committee'], jurisdiction: 'subject', department: 'own' },
    params: EvaluationId,
    status: 200,
  },
  listOpinionRequests: {
    method: 'GET',
    path: '/authority/opinion-requests',
    summary: "The evaluations waiting for a street's written opinion (oldest first), or those it answered.",
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['waiting', 'given']), 'waiting'),
      /** Defaults to the caller's own street. */
      street: z.optional(StreetSchema),
    }),
    status: 200,
  },
  giveOpinion: {
    method: 'POST',
    path: '/authority/evaluations/{id}/opinions',
    summary: "The street committee's written opinion and rating; one per street (409 on a second).",
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
  },
  finalizeEvaluation: {
    method: 'POST',
    path: '/authority/evaluations/{id}/finalize',
    summary: 'Make an evaluation final with its conclusion; 409 until every street has given its opinion.',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    params: EvaluationId,
    body: z.strictObject({
      conclusion: z.string().check(z.trim(), z.minLength(1, 'the conclusion is required'), z.maxLength(10_000)),
    }),
    status: 200,
    idempotent: true,
  },
});

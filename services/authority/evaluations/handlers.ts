import { ulid } from 'ulid';
import { BadRequestError, NotFoundError } from '../../../kernel/errors.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { departmentOf } from '../../../kernel/auth.ts';
import { streetSpokenFor, streetToList } from '../streets.ts';
import { evaluationView, finalizeEvaluation, giveOpinion, opinionRequestView, requestEvaluation } from './domain.ts';
import type { evaluationRoutes } from './routes.ts';
import { EvaluationStore } from './store.ts';

export function evaluationHandlers(table: Store): RouteHandlers<typeof evaluationRoutes> {
  const evaluations = new EvaluationStore(table);
  return {
    async requestEvaluation({ body, principal, ctx }) {
      const department = departmentOf(principal);
      for (const unit of body.units) ctx.authorize({ jurisdiction: unit.street, department });
      const requested = requestEvaluation(ulid(), { ...body, department }, ctx.cause);
      return ctx.commit(evaluations.requestCommit(requested), {
        statusCode: 201,
        body: evaluationView(requested.evaluation, requested.requests, ctx.cause.now),
      });
    },

    async listEvaluations({ query, principal, ctx }) {
      const department = query.department ?? principal.department;
      if (!department) {
        throw new BadRequestError('Name the department whose evaluations to list.', [{ field: 'query.department', message: 'required for callers who are not a department' }]);
      }
      const district = query.district ?? districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district, department });
      const page = await evaluations.ofDepartment(district, department, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
      return {
        statusCode: 200,
        body: { ...page, items: page.items.map(({ evaluation, requests }) => evaluationView(evaluation, requests, ctx.cause.now)) },
      };
    },

    async getEvaluation({ params, principal, ctx }) {
      const evaluation = await evaluations.evaluation(params.id);
      if (!evaluation) throw new NotFoundError(`No evaluation ${params.id}.`);
      // A committee sees the evaluations that ask its street; the department its own.
      const street = evaluation.streets.includes(principal.jurisdiction) ? principal.jurisdiction : evaluation.streets[0]!;
      ctx.authorize({ jurisdiction: street, department: evaluation.department });
      const requests = await evaluations.opinionRequests(evaluation.id);
      return {
        statusCode: 200,
        body: evaluationView(evaluation, requests, ctx.cause.now),
      };
    },

    async listOpinionRequests({ query, principal, ctx }) {
      const street = streetToList(query.street, principal);
      ctx.authorize({ jurisdiction: street });
      const page = await evaluations.opinionRequestsOfStreet(street, query.status, query);
      return { statusCode: 200, body: { ...page, items: page.items.map((r) => opinionRequestView(r, ctx.cause.now)) } };
    },

    async giveOpinion({ params, body, principal, ctx }) {
      const street = streetSpokenFor(body.street, principal);
      ctx.authorize({ jurisdiction: street });
      const evaluation = await evaluations.evaluation(params.id);
      if (!evaluation) throw new NotFoundError(`No evaluation ${params.id}.`);
      const request = await evaluations.opinionRequest(params.id, street);
      const change = giveOpinion(request, { evaluationId: params.id, street }, body, ctx.cause);
      return ctx.commit(evaluations.opinionCommit(change), {
        statusCode: 200,
        body: opinionRequestView(change.request, ctx.cause.now),
      });
    },

    async finalizeEvaluation({ params, body, ctx }) {
      const evaluation = await evaluations.evaluation(params.id);
      if (!evaluation) throw new NotFoundError(`No evaluation ${params.id}.`);
      for (const street of evaluation.streets) ctx.authorize({ jurisdiction: street, department: evaluation.department });
      const requests = await evaluations.opinionRequests(evaluation.id);
      const change = finalizeEvaluation(evaluation, requests, body, ctx.cause);
      return ctx.commit(evaluations.finalizeCommit(change), {
        statusCode: 200,
        body: evaluationView(change.evaluation, requests, ctx.cause.now),
      });
    },
  };
}

import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { isOnBoard } from '../positions/board.ts';
import { PositionStore } from '../positions/store.ts';
import { scoreApplication, submitApplication, type Application } from './domain.ts';
import type { applicationRoutes } from './routes.ts';
import { ApplicationStore } from './store.ts';

/**
 * The applicant and the organization department see the whole application (nobody else sees any),
 * but not who typed the score in, nor the store's version.
 */
function applicationView(application: Application) {
  const { scoredBy: _by, version: _version, ...view } = application;
  return view;
}

export function applicationHandlers(table: Store): RouteHandlers<typeof applicationRoutes> {
  const applications = new ApplicationStore(table);
  const positions = new PositionStore(table);

  return {
    async apply({ params, body, principal, ctx }) {
      const position = await positions.position(params.id);
      if (!position || !isOnBoard(position)) throw new NotFoundError(`No position ${params.id}.`);
      const change = submitApplication(position, { id: ulid(), applicant: principal.sub, ...body }, ctx.cause);
      return ctx.commit(applications.submissionCommit(change), { statusCode: 201, body: applicationView(change.application) });
    },

    async myApplications({ query, principal }) {
      const page = await applications.ofApplicant(principal.sub, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(applicationView) } };
    },

    async positionApplications({ params, query, ctx }) {
      const position = await positions.position(params.id);
      if (!position) throw new NotFoundError(`No position ${params.id}.`);
      ctx.authorize({ jurisdiction: position.street });
      const page = await applications.ofPosition(position.id, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(applicationView) } };
    },

    async scoreApplication({ params, body, ctx }) {
      const application = await applications.application(params.id);
      if (!application) throw new NotFoundError(`No application ${params.id}.`);
      ctx.authorize({ jurisdiction: application.street });
      const position = await positions.position(application.positionId);
      if (!position) throw new Error(`position ${application.positionId} of application ${application.id} is missing`);
      const change = scoreApplication(application, position, body.score, ctx.cause);
      return ctx.commit(applications.scoringCommit(change), { statusCode: 200, body: applicationView(change.application) });
    },
  };
}

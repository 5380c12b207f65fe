import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { streetToList } from '../streets.ts';
import { consentView, recordDecision } from './domain.ts';
import type { consentRoutes } from './routes.ts';
import { ConsentStore } from './store.ts';

export function consentHandlers(table: Store): RouteHandlers<typeof consentRoutes> {
  const consents = new ConsentStore(table);
  return {
    async listConsents({ query, principal, ctx }) {
      const street = streetToList(query.street, principal);
      ctx.authorize({ jurisdiction: street });
      const page = await consents.consentCases(street, query.status, query);
      return { statusCode: 200, body: { ...page, items: page.items.map((c) => consentView(c, ctx.cause.now)) } };
    },

    async getConsent({ params, ctx }) {
      const consentCase = await consents.consentCase(params.id);
      if (!consentCase) throw new NotFoundError(`No consent case ${params.id}.`);
      ctx.authorize({ jurisdiction: consentCase.street, department: consentCase.department });
      return { statusCode: 200, body: consentView(consentCase, ctx.cause.now) };
    },

    async recordConsentDecision({ params, body, ctx }) {
      const consentCase = await consents.consentCase(params.id);
      if (!consentCase) throw new NotFoundError(`No consent case ${params.id}.`);
      ctx.authorize({ jurisdiction: consentCase.street });
      const change = recordDecision(consentCase, body, ctx.cause);
      return ctx.commit(consents.consentCommit(change), {
        statusCode: 200,
        body: consentView(change.consentCase, ctx.cause.now),
      });
    },
  };
}

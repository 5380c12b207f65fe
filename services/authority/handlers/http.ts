import { BadRequestError, NotFoundError } from '../../../kernel/errors.ts';
import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { recordDecision } from '../domain/consent.ts';
import { routes } from '../routes.ts';
import { AuthorityStore } from '../store.ts';

const authority = new AuthorityStore();

export const handler = httpHandler({
  routes,
  store: authority.store,
  handlers: {
    async listConsents({ query, principal, ctx }) {
      const street = query.street ?? principal.jurisdiction;
      if (!StreetSchema.safeParse(street).success) {
        throw new BadRequestError('Name the street to list (your jurisdiction is not a single street).', [
          { field: 'query.street', message: 'required for callers above street level' },
        ]);
      }
      ctx.authorize({ jurisdiction: street });
      const page = await authority.consentCases(street, query.status, query);
      return { statusCode: 200, body: page };
    },

    async getConsent({ params, ctx }) {
      const consentCase = await authority.consentCase(params.id);
      if (!consentCase) throw new NotFoundError(`No consent case ${params.id}.`);
      ctx.authorize({ jurisdiction: consentCase.street, department: consentCase.department });
      return { statusCode: 200, body: consentCase };
    },

    async recordConsentDecision({ params, body, ctx }) {
      const consentCase = await authority.consentCase(params.id);
      if (!consentCase) throw new NotFoundError(`No consent case ${params.id}.`);
      ctx.authorize({ jurisdiction: consentCase.street });
      const change = recordDecision(consentCase, body, ctx.cause);
      return ctx.commit(authority.consentCommit(change), { statusCode: 200, body: change.consentCase });
    },

    health: () => health('authority', authority.store),
  },
});

import { ulid } from 'ulid';
import { BadRequestError, NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { companyView, publicIssueView, registerCompany, type PropertyCompany } from './domain.ts';
import type { companyRoutes } from './routes.ts';
import { CompanyStore } from './store.ts';

export function companyHandlers(table: Store): RouteHandlers<typeof companyRoutes> {
  const companies = new CompanyStore(table);

  async function company(id: string): Promise<PropertyCompany & { ratings?: number; ratingSum?: number }> {
    const found = await companies.company(id);
    if (!found) throw new NotFoundError(`No property company ${id}.`);
    return found;
  }

  return {
    async registerCompany({ body, principal, ctx }) {
      const street = body.street ?? principal.jurisdiction;
      if (street.split('/').length !== 2) {
        throw new BadRequestError('Name the street the company serves.', [{ field: 'body.street', message: 'required for callers not at street level' }]);
      }
      ctx.authorize({ jurisdiction: street });
      const registration = registerCompany({ ...body, id: ulid(), street }, ctx.cause);
      return ctx.commit(companies.registrationCommit(registration), { statusCode: 201, body: companyView(registration.company, {}) });
    },

    async listCompanies({ query }) {
      const page = await companies.ofStreet(query.street, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
      return { statusCode: 200, body: { ...page, items: page.items.map((c) => companyView(c, c)) } };
    },

    async getCompany({ params }) {
      const found = await company(params.id);
      return { statusCode: 200, body: companyView(found, found) };
    },

    async companyIssues({ params, query }) {
      const found = await company(params.id);
      const issues = await companies.issues(found.id, query);
      return { statusCode: 200, body: { ...issues, items: issues.items.map(publicIssueView) } };
    },
  };
}

import { ulid } from 'ulid';
import { BadRequestError, NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { companyView, publicIssueView, registerCompany } from './domain.ts';
import type { companyRoutes } from './routes.ts';
import { CompanyStore } from './store.ts';

export function companyHandlers(table: Store): RouteHandlers<typeof companyRoutes> {
  const companies = new CompanyStore(table);
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

    async getCompany({ params, query }) {
      const company = await companies.company(params.id);
      if (!company) throw new NotFoundError(`No property company ${params.id}.`);
      const issues = await companies.issues(company.id, query);
      const { ratings, ratingSum, ...rest } = company;
      return { statusCode: 200, body: { ...companyView(rest, { ratings, ratingSum }), issues: { ...issues, items: issues.items.map(publicIssueView) } } };
    },
  };
}

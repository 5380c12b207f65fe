import { ulid } from 'ulid';
import type { Principal } from '../../../kernel/auth.ts';
import { BadRequestError, NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { assertServes } from '../companies/domain.ts';
import { CompanyStore } from '../companies/store.ts';
import { actsAsDepartment, departmentOf } from '../../../kernel/auth.ts';
import { streetOf } from '../../../kernel/jurisdiction.ts';
import type { DeadlinePolicy } from './deadlines.ts';
import { acknowledgeIssue, issueView, raiseIssue, rateIssue, resolveIssue, type Issue } from './domain.ts';
import type { issueRoutes } from './routes.ts';
import { IssueStore } from './store.ts';

/** The subject of a request about an issue: its place (community or street), and for a department caller a department named on it. */
function issueSubject(issue: Issue, principal: Principal) {
  const own = principal.department;
  return { jurisdiction: issue.community ?? issue.street, department: own && issue.departments.includes(own) ? own : issue.departments[0]! };
}

export function issueHandlers(table: Store, policy: DeadlinePolicy): RouteHandlers<typeof issueRoutes> {
  const issues = new IssueStore(table);
  const companies = new CompanyStore(table);

  async function issue(id: string): Promise<Issue> {
    const found = await issues.issue(id);
    if (!found) throw new NotFoundError(`No issue ${id}.`);
    return found;
  }

  return {
    async raiseIssue({ body, principal, ctx }) {
      const community = body.community ?? (principal.jurisdiction.split('/').length === 3 ? principal.jurisdiction : undefined);
      const place = community ?? principal.jurisdiction;
      if (place.split('/').length < 2) {
        throw new BadRequestError('Name the community the issue is in (your jurisdiction is not a street).', [
          { field: 'body.community', message: 'required for callers above street level' },
        ]);
      }
      ctx.authorize({ jurisdiction: place });
      const street = streetOf(place);
      if (body.propertyCompanyId) {
        assertServes(await companies.company(body.propertyCompanyId), body.propertyCompanyId, { street, ...(community ? { community } : {}) });
      }
      const { community: _asked, ...rest } = body;
      const change = raiseIssue({ ...rest, id: ulid(), street, ...(community ? { community } : {}) }, policy, ctx.cause);
      return ctx.commit(issues.issueCommit(change, ctx.cause.now), { statusCode: 201, body: issueView(change.issue, ctx.cause.now) });
    },

    async getIssue({ params, principal, ctx }) {
      const found = await issue(params.id);
      ctx.authorize(issueSubject(found, principal));
      return { statusCode: 200, body: issueView(found, ctx.cause.now) };
    },

    async acknowledgeIssue({ params, principal, ctx }) {
      const found = await issue(params.id);
      ctx.authorize(issueSubject(found, principal));
      const change = acknowledgeIssue(found, departmentOf(principal), ctx.cause);
      return ctx.commit(issues.issueCommit(change, ctx.cause.now), { statusCode: 200, body: issueView(change.issue, ctx.cause.now) });
    },

    async resolveIssue({ params, body, principal, ctx }) {
      const found = await issue(params.id);
      ctx.authorize(issueSubject(found, principal));
      const change = resolveIssue(found, departmentOf(principal), body.note, ctx.cause);
      return ctx.commit(issues.issueCommit(change, ctx.cause.now), { statusCode: 200, body: issueView(change.issue, ctx.cause.now) });
    },

    async rateIssue({ params, body, ctx }) {
      const found = await issue(params.id);
      ctx.authorize({ jurisdiction: found.street });
      const change = rateIssue(found, body.department, body.score, ctx.cause, body.comment || undefined);
      return ctx.commit(issues.issueCommit(change, ctx.cause.now), { statusCode: 200, body: issueView(change.issue, ctx.cause.now) });
    },

    async listIssues({ query, principal, ctx }) {
      const jurisdiction = query.street ?? principal.jurisdiction;
      if (jurisdiction.split('/').length > 2) {
        throw new BadRequestError('Issues are listed by street or district.', [{ field: 'query.street', message: 'required for callers below street level' }]);
      }
      const department = query.department ?? actsAsDepartment(principal);
      ctx.authorize({ jurisdiction, ...(department ? { department } : {}) });
      const overdue = query.overdue === 'true';
      if (overdue && query.status === 'resolved') {
        throw new BadRequestError('A resolved issue is never overdue.', [{ field: 'query.overdue', message: 'only with status open or acknowledged' }]);
      }
      const page = await issues.list({ jurisdiction, ...(department ? { department } : {}) }, query.status, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(overdue ? { overdueAt: ctx.cause.now } : {}),
      });
      return { statusCode: 200, body: { ...page, items: page.items.map((i) => issueView(i, ctx.cause.now)) } };
    },
  };
}

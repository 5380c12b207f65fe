import { ulid } from 'ulid';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { Store } from '../../../kernel/store.ts';
import { departmentOf } from '../../../kernel/auth.ts';
import { MeetingStore } from '../meetings/store.ts';
import { accessItemView, approveAccessItem, departmentWorkItemView, pushWorkItem } from './domain.ts';
import { BadRequestError } from '../../../kernel/errors.ts';
import type { workItemRoutes } from './routes.ts';
import { WorkItemStore } from './store.ts';

const PROBLEM_BASE = 'https://five-haves.gov.example/problems/';

export function workItemHandlers(table: Store): RouteHandlers<typeof workItemRoutes> {
  const workItems = new WorkItemStore(table);
  const meetings = new MeetingStore(table);
  return {
    async approveAccessItem({ body, principal, ctx }) {
      const district = districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district });
      const approval = approveAccessItem(body, await meetings.decision(body.decisionId), district, ctx.cause);
      return ctx.commit(workItems.approvalCommit(approval), { statusCode: 201, body: accessItemView(approval.item) });
    },

    async accessList({ query }) {
      const page = await workItems.accessList(query.district, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(accessItemView) } };
    },

    /**
     * Accepted: 201 with the item as the community sees it. Blocked: the attempt is recorded (WorkItemBlocked, counted against
     * the department) and the answer is a refusal, 422 problem+json with the reason; no community sees it.
     */
    async pushWorkItem({ body, principal, ctx }) {
      const department = departmentOf(principal);
      ctx.authorize({ jurisdiction: body.community, department });
      const listed = await workItems.accessItem(districtOf(body.community), body.code);
      const outcome = pushWorkItem({ ...body, id: ulid() }, listed, department, ctx.cause);
      if ('accepted' in outcome) {
        return ctx.commit(workItems.pushCommit(outcome, ctx.cause.now), { statusCode: 201, body: outcome.accepted });
      }
      const blocked = outcome.blocked;
      return ctx.commit(workItems.pushCommit(outcome, ctx.cause.now), {
        statusCode: 422,
        headers: { 'content-type': 'application/problem+json' },
        body: {
          type: `${PROBLEM_BASE}work-item-blocked`,
          title: 'The work item is not on the access list',
          status: 422,
          detail:
            blocked.reason === 'not-on-access-list'
              ? `${blocked.code} is not on ${blocked.district}'s access list; it was not sent to ${blocked.community}.`
              : `${blocked.code} is on the list for other departments, not ${department}; it was not sent to ${blocked.community}.`,
          reason: blocked.reason,
          blockedId: blocked.id,
          correlationId: ctx.cause.correlationId,
          errors: [{ field: 'body.code', message: blocked.reason }],
        },
      });
    },

    async communityWorkItems({ params, query, ctx }) {
      ctx.authorize({ jurisdiction: params.community });
      return { statusCode: 200, body: await workItems.ofCommunity(params.community, query) };
    },

    async departmentWorkItems({ params, query, principal, ctx }) {
      const district = query.district ?? principal.jurisdiction;
      if (!/^D\d{2}$/.test(district)) {
        throw new BadRequestError('Name the district (your jurisdiction is not a district).', [{ field: 'query.district', message: 'required' }]);
      }
      ctx.authorize({ jurisdiction: district, department: params.dept });
      const page = await workItems.ofDepartment(district, params.dept, query.status, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(departmentWorkItemView) } };
    },
  };
}

import { ulid } from 'ulid';
import type { Principal } from '../../../kernel/auth.ts';
import { settingsFrom } from '../../../kernel/config.ts';
import { ForbiddenError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { covers } from '../../../kernel/jurisdiction.ts';
import type { Page, Store } from '../../../kernel/store.ts';
import { departmentOf } from '../../../kernel/auth.ts';
import { streetSpokenFor } from '../streets.ts';
import {
  recordDepartmentAssessment,
  recordStreetAssessment,
  withCombinedScore,
  type StaffAssessment,
} from './domain.ts';
import type { assessmentRoutes } from './routes.ts';
import { assessmentSettings } from './settings.ts';
import { AssessmentStore } from './store.ts';

/** Who may read an assessment: the street's committee, or the department that stations the member. */
function isPartyTo(principal: Principal, a: StaffAssessment): boolean {
  const inStreet = covers(principal.jurisdiction, a.street);
  return (
    (principal.roles.includes('street-committee') && inStreet) ||
    (principal.roles.includes('department') && inStreet && principal.department === a.department)
  );
}

export function assessmentHandlers(table: Store): RouteHandlers<typeof assessmentRoutes> {
  const assessments = new AssessmentStore(table);
  // Read at init: a bad AUTHORITY_STREET_WEIGHT_PERCENT fails the function's start, not a request.
  const streetWeight = settingsFrom(assessmentSettings).streetWeightPercent / 100;
  return {
    async assessStationedStaff({ body, principal, ctx }) {
      const street = streetSpokenFor(body.street, principal);
      ctx.authorize({ jurisdiction: street });
      const current = await assessments.assessment(body.staffId, body.period);
      const change = recordStreetAssessment(current, { ...body, street }, ulid(), ctx.cause);
      return ctx.commit(assessments.assessmentCommit(change), {
        statusCode: 201,
        body: withCombinedScore(change.assessment, streetWeight),
      });
    },

    async assessOwnStaff({ body, principal, ctx }) {
      const department = departmentOf(principal);
      ctx.authorize({ jurisdiction: body.street, department });
      const current = await assessments.assessment(body.staffId, body.period);
      const change = recordDepartmentAssessment(current, { ...body, department }, ulid(), ctx.cause);
      return ctx.commit(assessments.assessmentCommit(change), {
        statusCode: 201,
        body: withCombinedScore(change.assessment, streetWeight),
      });
    },

    async streetAssessments({ params, query, ctx }) {
      ctx.authorize({ jurisdiction: params.street });
      const page = await assessments.ofStreet(params.street, query.status, query);
      return { statusCode: 200, body: { ...page, items: page.items.map((a) => withCombinedScore(a, streetWeight)) } };
    },

    async doubleAssessment({ query, principal, ctx }) {
      let page: Page<StaffAssessment>;
      if (query.period) {
        const one = await assessments.assessment(query.staffId, query.period);
        page = { items: one ? [one] : [] };
      } else {
        page = await assessments.assessmentsOf(query.staffId, query);
      }
      const visible = page.items.filter((a) => isPartyTo(principal, a));
      if (visible.length > 0) {
        ctx.authorize({ jurisdiction: visible[0]!.street, department: visible[0]!.department });
      } else if (page.items.length > 0 && !page.cursor) {
        throw new ForbiddenError(`You are party to no assessment of ${query.staffId}.`);
      } else {
        // Nothing (more) to show: the answer reveals nothing about anyone else's street.
        ctx.authorize({ jurisdiction: principal.jurisdiction, ...(principal.department ? { department: principal.department } : {}) });
      }
      return {
        statusCode: 200,
        body: { ...page, items: visible.map((a) => withCombinedScore(a, streetWeight)) },
      };
    },
  };
}

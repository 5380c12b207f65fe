import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { listScope } from '../scope.ts';
import { approveSecondment, endSecondment, isPastDue, startSecondment, type Secondment, type StaffMember } from './domain.ts';
import type { staffRoutes } from './routes.ts';
import { staffingView } from './staffing.ts';
import { StaffStore } from './store.ts';

// The views leave out the store's version: no route takes one back.

/** A secondment as the office reads it: with whether it has run past its end. */
function secondmentView(secondment: Secondment, now: string) {
  const { version: _version, ...view } = secondment;
  return { ...view, pastDue: secondment.status !== 'ended' && isPastDue(secondment, now) };
}

function memberView(member: StaffMember) {
  const { version: _version, ...view } = member;
  return view;
}

export function staffHandlers(table: Store): RouteHandlers<typeof staffRoutes> {
  const staff = new StaffStore(table);

  async function member(id: string) {
    const found = await staff.member(id);
    if (!found) throw new NotFoundError(`No staff member ${id}.`);
    return found;
  }

  return {
    async roster({ query, principal, ctx }) {
      const street = listScope(query.street, principal);
      ctx.authorize({ jurisdiction: street });
      const page = await staff.roster(street, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(memberView) } };
    },

    async staffRecord({ params, ctx }) {
      const found = await member(params.id);
      ctx.authorize({ jurisdiction: found.street });
      const [secondment, assessments] = await Promise.all([
        found.secondmentId ? staff.secondment(found.secondmentId) : undefined,
        staff.assessments(found.id, 20),
      ]);
      return {
        statusCode: 200,
        body: { ...memberView(found), ...(secondment ? { secondment: secondmentView(secondment, ctx.cause.now) } : {}), assessments },
      };
    },

    async startSecondment({ params, body, ctx }) {
      const found = await member(params.id);
      ctx.authorize({ jurisdiction: found.street });
      const change = startSecondment(found, { id: ulid(), ...body }, ctx.cause);
      return ctx.commit(staff.secondmentCommit(change), { statusCode: 201, body: secondmentView(change.secondment, ctx.cause.now) });
    },

    async approveSecondment({ params, body, ctx }) {
      const secondment = await staff.secondment(params.id);
      if (!secondment) throw new NotFoundError(`No secondment ${params.id}.`);
      ctx.authorize({ jurisdiction: secondment.street });
      const change = approveSecondment(secondment, body.approvalRef, ctx.cause);
      return ctx.commit(staff.secondmentCommit(change), { statusCode: 200, body: secondmentView(change.secondment, ctx.cause.now) });
    },

    async endSecondment({ params, ctx }) {
      const secondment = await staff.secondment(params.id);
      if (!secondment) throw new NotFoundError(`No secondment ${params.id}.`);
      ctx.authorize({ jurisdiction: secondment.street });
      const change = endSecondment(secondment, await member(secondment.staffId), ctx.cause);
      return ctx.commit(staff.secondmentCommit(change), { statusCode: 200, body: secondmentView(change.secondment, ctx.cause.now) });
    },

    async listSecondments({ query, principal, ctx }) {
      const scope = listScope(query.street, principal, { districtWide: true });
      ctx.authorize({ jurisdiction: scope });
      const page = await staff.secondments(scope, query.status, query);
      return { statusCode: 200, body: { ...page, items: page.items.map((s) => secondmentView(s, ctx.cause.now)) } };
    },

    async staffing({ params, ctx }) {
      ctx.authorize({ jurisdiction: params.street });
      return { statusCode: 200, body: staffingView(params.street, await staff.staffing(params.street)) };
    },
  };
}

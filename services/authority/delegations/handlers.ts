import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { decodeCursor, encodeCursor } from '../../../kernel/cursor.ts';
import type { Store } from '../../../kernel/store.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { keys } from '../keys.ts';
import { CatalogStore } from '../powers/store.ts';
import { acceptDelegation, refuseResubmission, revokeDelegation, type Delegation } from './domain.ts';
import { powersHeldOn } from './holdings.ts';
import type { delegationRoutes } from './routes.ts';
import { DelegationStore } from './store.ts';

/** A delegation as district offices read it (its version is the store's concurrency check, not theirs). */
function delegationView(delegation: Delegation) {
  const { version: _version, ...view } = delegation;
  return view;
}

export function delegationHandlers(table: Store): RouteHandlers<typeof delegationRoutes> {
  const delegations = new DelegationStore(table);
  const catalog = new CatalogStore(table);
  return {
    // Accepted here, granted by authority's own consumer in bounded steps: no answer waits for the grants.
    async delegatePowers({ body, ctx }) {
      for (const street of body.streets) ctx.authorize({ jurisdiction: street });
      const earlier = await delegations.delegationOfDecision(body.decisionRef);
      if (earlier) refuseResubmission(earlier);
      const known = await catalog.powers(body.codes);
      const accepted = acceptDelegation(ulid(), body, new Set(known.keys()), ctx.cause);
      return ctx.commit(delegations.acceptCommit(accepted), { statusCode: 202, body: delegationView(accepted.delegation) });
    },

    async listDelegations({ query, principal, ctx }) {
      const district = query.district ?? districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district });
      const page = await delegations.delegations(district, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(delegationView) } };
    },

    async getDelegation({ params, ctx }) {
      const delegation = await delegations.delegation(params.id);
      if (!delegation) throw new NotFoundError(`No delegation ${params.id}.`);
      ctx.authorize({ jurisdiction: delegation.district });
      return { statusCode: 200, body: delegationView(delegation) };
    },

    async revokeDelegation({ params, body, ctx }) {
      const delegation = await delegations.delegation(params.id);
      if (!delegation) throw new NotFoundError(`No delegation ${params.id}.`);
      ctx.authorize({ jurisdiction: delegation.district });
      const change = revokeDelegation(delegation, body, ctx.cause);
      return ctx.commit(delegations.changeCommit(change), { statusCode: 200, body: delegationView(change.delegation) });
    },

    async streetPowers({ params, query, ctx }) {
      const { street } = params;
      const on = query.on ?? chinaDate(ctx.cause.now);
      const grants = await delegations.grantsOfStreet(street, on);
      const terms = await delegations.terms([...new Set(grants.map((g) => g.delegationId))]);
      const held = powersHeldOn(on, grants, terms);
      // The list is computed, so its cursor is a position in it: the last code served, as a key of the street.
      const after = query.cursor ? decodeCursor(query.cursor, 'pk', keys.streetGrants(street)).sk : undefined;
      const rest = after ? held.filter((p) => keys.heldPower(street, p.code).sk > after) : held;
      const page = rest.slice(0, query.limit);
      // Every delegated code was in the catalog when it was delegated, and entries are never removed.
      const entries = await catalog.powers(page.map((p) => p.code));
      const last = page.at(-1);
      return {
        statusCode: 200,
        body: {
          street,
          on,
          items: page.map((p) => {
            const entry = entries.get(p.code);
            if (!entry) throw new Error(`power ${p.code} held by ${street} is missing from the catalog`);
            return {
              code: p.code,
              name: entry.name,
              domain: entry.domain,
              legalBasis: entry.legalBasis,
              fromDepartment: entry.fromDepartment,
              since: p.since,
              heldUnder: p.heldUnder,
            };
          }),
          ...(rest.length > page.length && last ? { cursor: encodeCursor(keys.heldPower(street, last.code)) } : {}),
        },
      };
    },
  };
}

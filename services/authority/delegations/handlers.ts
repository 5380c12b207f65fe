import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/roles.ts';
import { decodeCursor, encodeCursor, type Store } from '../../../kernel/store.ts';
import { officeDate } from '../calendar.ts';
import { keys } from '../keys.ts';
import { CatalogStore } from '../powers/store.ts';
import { confirmDelegation, resumeDelegation, revokeDelegation, startDelegation, type Delegation } from './domain.ts';
import { powersHeldOn } from './holdings.ts';
import type { delegationRoutes } from './routes.ts';
import { DelegationStore } from './store.ts';

export function delegationHandlers(table: Store): RouteHandlers<typeof delegationRoutes> {
  const delegations = new DelegationStore(table);
  const catalog = new CatalogStore(table);
  return {
    async delegatePowers({ body, ctx }) {
      for (const street of body.streets) ctx.authorize({ jurisdiction: street });
      // A decision seen before is resumed (an earlier attempt stopped part way) or refused (409).
      const earlier = await delegations.delegationOfDecision(body.decisionRef);
      let recording: Delegation;
      if (earlier) {
        recording = resumeDelegation(earlier, body);
      } else {
        const known = await catalog.powers(body.codes);
        recording = startDelegation(ulid(), body, new Set(known.keys()), ctx.cause);
        try {
          await table.commit(delegations.beginCommit(recording));
        } catch (error) {
          // Another request began the same decision meanwhile (its guard): carry on with that one, as a
          // resubmission does. The confirmation, versioned, lets one of the two through.
          const begun = error instanceof ConflictError ? await delegations.delegationOfDecision(body.decisionRef) : undefined;
          if (!begun) throw error;
          recording = resumeDelegation(begun, body);
        }
      }
      const grants = await delegations.writeGrants(recording);
      const change = confirmDelegation(recording, ctx.cause);
      return ctx.commit(delegations.changeCommit(change), {
        statusCode: 201,
        body: { ...change.delegation, grants: { pairs: recording.codes.length * recording.streets.length, items: grants.items } },
      });
    },

    async listDelegations({ query, principal, ctx }) {
      const district = query.district ?? districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district });
      return { statusCode: 200, body: await delegations.delegations(district, query) };
    },

    async getDelegation({ params, ctx }) {
      const delegation = await delegations.delegation(params.id);
      if (!delegation) throw new NotFoundError(`No delegation ${params.id}.`);
      ctx.authorize({ jurisdiction: delegation.district });
      return { statusCode: 200, body: delegation };
    },

    async revokeDelegation({ params, body, ctx }) {
      const delegation = await delegations.delegation(params.id);
      if (!delegation) throw new NotFoundError(`No delegation ${params.id}.`);
      ctx.authorize({ jurisdiction: delegation.district });
      const change = revokeDelegation(delegation, body, ctx.cause);
      return ctx.commit(delegations.changeCommit(change), { statusCode: 200, body: change.delegation });
    },

    async streetPowers({ params, query, ctx }) {
      const { street } = params;
      const on = query.on ?? officeDate(ctx.cause.now);
      const grants = await delegations.grantsOfStreet(street, on);
      const terms = await delegations.terms([...new Set(grants.map((g) => g.delegationId))]);
      const held = powersHeldOn(on, grants, terms);
      // The list is computed, so its cursor is a position in it: the last code served, as a key of the street.
      const after = query.cursor ? decodeCursor(query.cursor, 'pk', keys.streetGrants(street)).sk : undefined;
      const rest = after ? held.filter((p) => keys.heldPower(street, p.code).sk > after) : held;
      const page = rest.slice(0, query.limit);
      const entries = await catalog.powers(page.map((p) => p.code), { consistent: false });
      const last = page.at(-1);
      return {
        statusCode: 200,
        body: {
          street,
          on,
          items: page.map((p) => {
            const entry = entries.get(p.code);
            return {
              code: p.code,
              name: entry?.name,
              domain: entry?.domain,
              legalBasis: entry?.legalBasis,
              fromDepartment: entry?.fromDepartment,
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

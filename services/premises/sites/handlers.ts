import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { Store } from '../../../kernel/store.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { complianceView, evaluate } from '../compliance/rules.ts';
import { StandardStore } from '../standard/store.ts';
import { changeSite, recordHouseholds, registerSite, siteView, type CommunityChange } from './domain.ts';
import type { siteRoutes } from './routes.ts';
import { communityChanged, SiteStore } from './store.ts';

/**
 * A community's premises are one item, so two edits of the same community at once collide on its
 * version even when they touch different sites. The loser reads again and decides again: with n
 * concurrent edits each can lose at most n - 1 times, so this many attempts absorb them all. A
 * conflict the domain itself finds (a stale site version) is answered 409 at once.
 */
const ATTEMPTS = 8;
async function onFreshRead<T>(community: string, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const collided = error instanceof ConflictError && error.detail === communityChanged(community);
      if (!collided || n >= ATTEMPTS) throw error;
    }
  }
}

export function siteHandlers(table: Store): RouteHandlers<typeof siteRoutes> {
  const sites = new SiteStore(table);
  const standards = new StandardStore(table);
  const rulesOf = (community: string) => standards.standard(districtOf(community));
  const compliance = (change: CommunityChange, version: number) => complianceView(change.compliance, { version }, change.premises.assessedAt);
  /** Every answer about a site: the site, and its community's compliance beside it. */
  const siteRecord = (change: CommunityChange, siteId: string, version: number) => ({
    site: siteView(change.premises.sites.find((s) => s.id === siteId)!),
    compliance: compliance(change, version),
  });

  return {
    async registerSite({ body, ctx }) {
      ctx.authorize({ jurisdiction: body.community });
      const { community, ...input } = body;
      const siteId = ulid();
      return onFreshRead(community, async () => {
        const [current, standard] = await Promise.all([sites.premises(community), rulesOf(community)]);
        const change = registerSite(current, community, siteId, input, standard, ctx.cause);
        return ctx.commit(sites.communityCommit(change), { statusCode: 201, body: siteRecord(change, siteId, standard.version) });
      });
    },

    async changeSite({ params, body, ctx }) {
      // The pointer names the community; its premises and standard are then read together.
      const community = await sites.communityOfSite(params.id);
      if (community === undefined) throw new NotFoundError(`No site ${params.id}.`);
      ctx.authorize({ jurisdiction: community });
      return onFreshRead(community, async () => {
        const [premises, standard] = await Promise.all([sites.premises(community), rulesOf(community)]);
        if (!premises) throw new NotFoundError(`No site ${params.id}.`);
        const change = changeSite(premises, params.id, body, standard, ctx.cause);
        return ctx.commit(sites.communityCommit(change), { statusCode: 200, body: siteRecord(change, params.id, standard.version) });
      });
    },

    async communitySites({ params, ctx }) {
      ctx.authorize({ jurisdiction: params.community });
      const premises = await sites.premises(params.community);
      return { statusCode: 200, body: { items: (premises?.sites ?? []).map(siteView) } };
    },

    async site({ params, ctx }) {
      const community = await sites.communityOfSite(params.id);
      if (community === undefined) throw new NotFoundError(`No site ${params.id}.`);
      ctx.authorize({ jurisdiction: community });
      const [premises, standard] = await Promise.all([sites.premises(community), rulesOf(community)]);
      if (!premises) throw new NotFoundError(`No site ${params.id}.`);
      const site = premises.sites.find((s) => s.id === params.id)!;
      const now = evaluate(premises, standard, chinaDate(ctx.cause.now));
      return { statusCode: 200, body: { site: siteView(site), compliance: complianceView(now, standard, premises.assessedAt) } };
    },

    async recordHouseholds({ params, body, ctx }) {
      ctx.authorize({ jurisdiction: params.community });
      return onFreshRead(params.community, async () => {
        const [current, standard] = await Promise.all([sites.premises(params.community), rulesOf(params.community)]);
        const change = recordHouseholds(current, params.community, body.households, standard, ctx.cause);
        return ctx.commit(sites.communityCommit(change), { statusCode: 200, body: compliance(change, standard.version) });
      });
    },
  };
}

import { ulid } from 'ulid';
import { BadRequestError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf, StreetSchema } from '../../../kernel/jurisdiction.ts';
import type { Store } from '../../../kernel/store.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { emptyPremises } from '../sites/domain.ts';
import { SiteStore } from '../sites/store.ts';
import { StandardStore } from '../standard/store.ts';
import { planRemediation, remediationView } from './remediation.ts';
import type { complianceRoutes } from './routes.ts';
import { complianceView, evaluate } from './rules.ts';
import { RemediationStore } from './store.ts';

export function complianceHandlers(table: Store): RouteHandlers<typeof complianceRoutes> {
  const sites = new SiteStore(table);
  const standards = new StandardStore(table);
  const remediations = new RemediationStore(table);
  /** The community as it stands now, under its district's current standard. */
  const assess = async (community: string, now: string) => {
    const [premises, standard] = await Promise.all([sites.premises(community), standards.standard(districtOf(community))]);
    return { compliance: evaluate(premises ?? emptyPremises(community), standard, chinaDate(now)), standard, assessedAt: premises?.assessedAt };
  };

  return {
    async communityCompliance({ params, ctx }) {
      ctx.authorize({ jurisdiction: params.community });
      const { compliance, standard, assessedAt } = await assess(params.community, ctx.cause.now);
      return { statusCode: 200, body: complianceView(compliance, standard, assessedAt) };
    },

    async complianceList({ query, principal, ctx }) {
      // A street official lists its street; a district office its district, or one street of it.
      const street = query.street ?? (StreetSchema.safeParse(principal.jurisdiction).success ? principal.jurisdiction : undefined);
      const scope = street ?? principal.jurisdiction;
      if (!/^D\d{2}(\/S\d{2})?$/.test(scope)) {
        throw new BadRequestError('Name the street to list.', [{ field: 'query.street', message: 'required for your jurisdiction' }]);
      }
      ctx.authorize({ jurisdiction: scope });
      const district = districtOf(scope);
      const [page, standard] = await Promise.all([
        sites.communitiesIn(district, query.status, street, query),
        standards.standard(district),
      ]);
      const today = chinaDate(ctx.cause.now);
      return {
        statusCode: 200,
        body: {
          ...page,
          // The status and failing rules the community is listed under: its stored result.
          items: page.items.map((p) => ({ ...complianceView(evaluate(p, standard, today), standard, p.assessedAt), status: p.status, failing: p.failing })),
        },
      };
    },

    async remediations({ params, query, ctx }) {
      ctx.authorize({ jurisdiction: params.community });
      const page = await remediations.remediationsOf(params.community, query);
      return { statusCode: 200, body: { ...page, items: page.items.map(remediationView) } };
    },

    async planRemediation({ params, body, ctx }) {
      ctx.authorize({ jurisdiction: params.community });
      const { compliance } = await assess(params.community, ctx.cause.now);
      const change = planRemediation(compliance, body, ulid(), ctx.cause);
      return ctx.commit(remediations.remediationCommit(change), { statusCode: 201, body: remediationView(change.remediation) });
    },
  };
}

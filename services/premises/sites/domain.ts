import type * as z from 'zod/mini';
import { BadRequestError, ConflictError, NotFoundError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { districtOf, streetOf } from '../../../kernel/jurisdiction.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { toDm2, toM2 } from '../area.ts';
import { evaluate, type Compliance, type RuleName } from '../compliance/rules.ts';
import { ComplianceAssessed, HouseholdsRecorded, SiteChanged, SiteRegistered, type TenureSchema, type UseSchema } from '../../../contracts/premises.ts';
import { keys } from '../keys.ts';
import type { Rules } from '../standard/domain.ts';

/** A community's register holds at most this many sites (one item; a community has a handful). */
export const MAX_SITES_PER_COMMUNITY = 50;

export type Tenure = z.output<typeof TenureSchema>;
export type Use = z.output<typeof UseSchema>;

export interface Lease {
  startsOn: string;
  endsOn: string;
  annualRentFen: number;
  landlord: string;
}

/** A site of community office and service space. Areas in whole dm² (0.01 m²). */
export interface Site {
  id: string;
  community: string;
  address: string;
  areaDm2: number;
  residentActivityAreaDm2: number;
  tenure: Tenure;
  lease?: Lease;
  uses: Use[];
  registeredAt: string;
  registeredBy: string;
  changedAt?: string;
  version: number;
}

export type ComplianceStatus = 'unassessed' | 'compliant' | 'failing';

/**
 * A community's premises: the households it serves and every site, with the result of the last
 * assessment. One item, so that a change and the assessment it causes are one conditional write.
 */
export interface CommunityPremises {
  community: string;
  street: string;
  district: string;
  households?: number;
  sites: Site[];
  status: ComplianceStatus;
  failing: RuleName[];
  assessedAt?: string;
  version: number;
}

export interface SiteInput {
  address: string;
  areaM2: number;
  residentActivityAreaM2: number;
  tenure: Tenure;
  lease?: Lease | null;
  uses: Use[];
}

export interface CommunityChange {
  premises: CommunityPremises;
  /** A site registered by this change (its id must be new). */
  newSite?: Site;
  compliance: Compliance;
  events: DomainEvent[];
}


export function emptyPremises(community: string): CommunityPremises {
  return { community, street: streetOf(community), district: districtOf(community), sites: [], status: 'unassessed', failing: [], version: 0 };
}

/** Site facts that depend on each other: resident area within the area, a lease exactly when rented. */
function checkSite(site: Pick<Site, 'areaDm2' | 'residentActivityAreaDm2' | 'tenure' | 'lease'>, location: string): void {
  if (site.residentActivityAreaDm2 > site.areaDm2) {
    throw new BadRequestError('The area for residents’ activities cannot exceed the site’s area.', [
      { field: `${location}.residentActivityAreaM2`, message: `more than areaM2 (${toM2(site.areaDm2)})` },
    ]);
  }
  if (site.tenure === 'rented' && !site.lease) {
    throw new BadRequestError('A rented site needs its lease (startsOn, endsOn, annualRentFen, landlord).', [
      { field: `${location}.lease`, message: 'required when tenure is rented' },
    ]);
  }
  if (site.tenure !== 'rented' && site.lease) {
    throw new BadRequestError(`A lease belongs only to a rented site, not to one ${site.tenure}.`, [
      { field: `${location}.lease`, message: 'only when tenure is rented' },
    ]);
  }
}

/** Re-assess after a change; ComplianceAssessed only the first time and on pass ↔ fail. */
function reassessed(
  before: CommunityPremises,
  after: Omit<CommunityPremises, 'status' | 'failing' | 'assessedAt' | 'version'>,
  rules: Rules,
  cause: Cause,
  events: DomainEvent[],
  newSite?: Site,
): CommunityChange {
  const compliance = evaluate(after, rules, chinaDate(cause.now));
  const status: ComplianceStatus = compliance.compliant === null ? 'unassessed' : compliance.compliant ? 'compliant' : 'failing';
  const changed = status !== 'unassessed' && status !== before.status;
  const premises: CommunityPremises = {
    ...after,
    status,
    failing: compliance.failing,
    ...(changed ? { assessedAt: cause.now } : before.assessedAt ? { assessedAt: before.assessedAt } : {}),
    version: before.version + 1,
  };
  if (changed) {
    events.push(
      newEvent(
        ComplianceAssessed,
        keys.community(after.community).pk,
        {
          community: after.community,
          street: after.street,
          compliant: status === 'compliant',
          failing: compliance.failing,
          totalAreaM2: toM2(compliance.totalAreaDm2),
          requiredAreaM2: toM2(compliance.requiredAreaDm2 ?? 0),
          shortfallM2: toM2(compliance.shortfallDm2 ?? 0),
          households: compliance.households ?? 0,
          assessedAt: cause.now,
        },
        cause,
      ),
    );
  }
  return { premises, compliance, events, ...(newSite ? { newSite } : {}) };
}

export function registerSite(
  current: CommunityPremises | undefined,
  community: string,
  siteId: string,
  input: SiteInput,
  rules: Rules,
  cause: Cause,
): CommunityChange {
  const before = current ?? emptyPremises(community);
  if (before.sites.length >= MAX_SITES_PER_COMMUNITY) {
    throw new UnprocessableError(`${community} has ${before.sites.length} sites, the most one community's register holds.`);
  }
  const site: Site = {
    id: siteId,
    community,
    address: input.address,
    areaDm2: toDm2(input.areaM2),
    residentActivityAreaDm2: toDm2(input.residentActivityAreaM2),
    tenure: input.tenure,
    ...(input.lease ? { lease: input.lease } : {}),
    uses: input.uses,
    registeredAt: cause.now,
    registeredBy: cause.actor.sub,
    version: 1,
  };
  checkSite(site, 'body');
  const event = newEvent(
    SiteRegistered,
    keys.site(siteId).pk,
    {
      siteId,
      community,
      street: before.street,
      address: site.address,
      areaM2: toM2(site.areaDm2),
      residentActivityAreaM2: toM2(site.residentActivityAreaDm2),
      tenure: site.tenure,
      uses: site.uses,
    },
    cause,
  );
  return reassessed(before, { ...before, sites: [...before.sites, site] }, rules, cause, [event], site);
}

export type SitePatch = Partial<SiteInput> & { version: number };

export function changeSite(current: CommunityPremises, siteId: string, patch: SitePatch, rules: Rules, cause: Cause): CommunityChange {
  const site = current.sites.find((s) => s.id === siteId);
  if (!site) throw new NotFoundError(`No site ${siteId}.`);
  if (patch.version !== site.version) {
    throw new ConflictError(`Site ${siteId} is at version ${site.version}, not ${patch.version}; read it again.`);
  }
  const { version: _v, areaM2, residentActivityAreaM2, lease, ...plain } = patch;
  const next: Site = {
    ...site,
    ...plain,
    ...(areaM2 !== undefined ? { areaDm2: toDm2(areaM2) } : {}),
    ...(residentActivityAreaM2 !== undefined ? { residentActivityAreaDm2: toDm2(residentActivityAreaM2) } : {}),
    changedAt: cause.now,
    version: site.version + 1,
  };
  // A lease given replaces the old one; null removes it; a tenure other than rented drops it.
  if (lease === null || (patch.tenure !== undefined && patch.tenure !== 'rented' && lease === undefined)) delete next.lease;
  else if (lease) next.lease = lease;
  checkSite(next, 'body');
  const changed = Object.keys(patch).filter((k) => k !== 'version');
  const event = newEvent(
    SiteChanged,
    keys.site(siteId).pk,
    { siteId, community: current.community, street: current.street, version: next.version, changed },
    cause,
  );
  const sites = current.sites.map((s) => (s.id === siteId ? next : s));
  return reassessed(current, { ...current, sites }, rules, cause, [event]);
}

export function recordHouseholds(
  current: CommunityPremises | undefined,
  community: string,
  households: number,
  rules: Rules,
  cause: Cause,
): CommunityChange {
  const before = current ?? emptyPremises(community);
  const event = newEvent(
    HouseholdsRecorded,
    keys.community(community).pk,
    { community, street: before.street, households, previous: before.households ?? null },
    cause,
  );
  return reassessed(before, { ...before, households }, rules, cause, [event]);
}

/** A site as the API shows it: areas in m². */
export function siteView(site: Site) {
  const { areaDm2, residentActivityAreaDm2, ...rest } = site;
  return { ...rest, street: streetOf(site.community), areaM2: toM2(areaDm2), residentActivityAreaM2: toM2(residentActivityAreaDm2) };
}

import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { CommunityChange, CommunityPremises, ComplianceStatus } from './domain.ts';

/** The 409 of a community item changed by someone else between read and write. */
export const communityChanged = (community: string) => `The premises of ${community} changed meanwhile; read them again and retry.`;

interface SitePointer {
  siteId: string;
  community: string;
}

/** Communities' premises (one item each) and the pointers from a site id to its community. */
export class SiteStore {
  constructor(readonly store: Store) {}

  async premises(community: string): Promise<CommunityPremises | undefined> {
    const item = await this.store.get<Stored<CommunityPremises>>(keys.community(community));
    return item && strip(item);
  }

  /** The community a site belongs to (its pointer), or undefined when there is no such site. */
  async communityOfSite(siteId: string): Promise<string | undefined> {
    return (await this.store.get<Stored<SitePointer>>(keys.site(siteId)))?.community;
  }

  /** The community a site belongs to, and its premises. */
  async premisesOfSite(siteId: string): Promise<CommunityPremises | undefined> {
    const community = await this.communityOfSite(siteId);
    return community === undefined ? undefined : this.premises(community);
  }

  /** Communities of a district (or, with `street`, of one street) in a compliance status, by community. */
  async communitiesIn(
    district: string,
    status: ComplianceStatus,
    street: string | undefined,
    page: { limit: number; cursor?: string },
  ): Promise<Page<CommunityPremises>> {
    const result = await rangePage<Stored<CommunityPremises>>(this.store, {
      index: 'gsi1',
      partition: keys.complianceOfDistrict(district, status),
      ...(street ? { prefix: `${street}/` } : {}),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      ascending: true,
    });
    return { ...result, items: result.items.map(strip) };
  }

  communityCommit(change: CommunityChange): Commit {
    const p = change.premises;
    const item = {
      ...keys.community(p.community),
      itemType: 'community-premises',
      gsi1pk: keys.complianceOfDistrict(p.district, p.status),
      gsi1sk: p.community,
      ...p,
    };
    const conflict = communityChanged(p.community);
    const writes = [p.version === 1 ? putNew(item, conflict) : putVersioned(item, conflict)];
    if (change.newSite) {
      const site = change.newSite;
      writes.push(putNew({ ...keys.site(site.id), itemType: 'site', siteId: site.id, community: site.community }, `Site ${site.id} exists.`));
    }
    return { writes, events: change.events };
  }
}

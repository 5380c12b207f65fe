import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { Remediation, RemediationChange } from './remediation.ts';

/** Remediation plans, listed per community on gsi1 (newest first). */
export class RemediationStore {
  constructor(readonly store: Store) {}

  async remediation(id: string): Promise<Remediation | undefined> {
    const item = await this.store.get<Stored<Remediation>>(keys.remediation(id));
    return item && strip(item);
  }

  async remediationsOf(community: string, page: { limit: number; cursor?: string }): Promise<Page<Remediation>> {
    const result = await rangePage<Stored<Remediation>>(this.store, {
      index: 'gsi1',
      partition: keys.remediationsOfCommunity(community),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    return { ...result, items: result.items.map(strip) };
  }

  remediationCommit(change: RemediationChange): Commit {
    const r = change.remediation;
    const item = {
      ...keys.remediation(r.id),
      itemType: 'remediation',
      gsi1pk: keys.remediationsOfCommunity(r.community),
      gsi1sk: `${r.plannedAt}#${r.id}`,
      ...r,
    };
    const write = r.version === 1 ? putNew(item, `Remediation ${r.id} exists.`) : putVersioned(item, `Remediation ${r.id} changed meanwhile.`);
    return { writes: [write], events: change.events };
  }
}

import { putNew, putVersioned, type Commit, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { defaultStandard, type Standard, type StandardChange } from './domain.ts';

/** Each district's standard: one item, absent while the district uses the national defaults. */
export class StandardStore {
  constructor(readonly store: Store) {}

  async standard(district: string): Promise<Standard> {
    const item = await this.store.get<Stored<Standard>>(keys.standard(district));
    return item ? strip(item) : defaultStandard(district);
  }

  standardCommit(change: StandardChange): Commit {
    const s = change.standard;
    const item = { ...keys.standard(s.district), itemType: 'standard', ...s };
    const conflict = `The standard of ${s.district} changed meanwhile; read it again.`;
    return { writes: [s.version === 1 ? putNew(item, conflict) : putVersioned(item, conflict)], events: change.events };
  }
}

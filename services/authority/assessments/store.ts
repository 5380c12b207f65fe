import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { strip, type Stored as StoredItem } from '../../../kernel/stored.ts';
import { keys } from '../keys.ts';
import type { AssessmentChange, StaffAssessment } from './domain.ts';

type Stored = StoredItem<StaffAssessment>;

/** Double assessments: one item per member and period (both sides), listed per member on gsi1. */
export class AssessmentStore {
  constructor(readonly store: Store) {}

  async assessment(staffId: string, period: string): Promise<StaffAssessment | undefined> {
    const item = await this.store.get<Stored>(keys.staffAssessment(staffId, period));
    return item && strip(item);
  }

  /** A member's assessments, newest period first. */
  async assessmentsOf(staffId: string, page: { limit: number; cursor?: string }): Promise<Page<StaffAssessment>> {
    const result = await this.store.page<Stored>({
      index: 'gsi1',
      partition: keys.assessmentsOfStaff(staffId),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    return { ...result, items: result.items.map(strip) };
  }

  assessmentCommit(change: AssessmentChange): Commit {
    const a = change.assessment;
    const item = {
      ...keys.staffAssessment(a.staffId, a.period),
      itemType: 'staff-assessment',
      gsi1pk: keys.assessmentsOfStaff(a.staffId),
      gsi1sk: a.period,
      ...a,
    };
    const conflict = `${a.staffId}'s assessment for ${a.period} changed meanwhile; try again.`;
    return { writes: [a.version === 1 ? putNew(item, conflict) : putVersioned(item, conflict)], events: change.events };
  }
}

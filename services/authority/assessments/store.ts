import { putNew, putVersioned, type Commit, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { rangePage } from '../../../kernel/range-page.ts';
import { strip, type Stored as StoredItem } from '../../../kernel/stored.ts';
import { keys } from '../keys.ts';
import { assessmentState, type AssessmentChange, type AssessmentState, type StaffAssessment } from './domain.ts';

type Stored = StoredItem<StaffAssessment>;

/** The entry of an assessment in its street's list of its state (a copy: the list reads no other item). */
function entryWrites(a: StaffAssessment, previous: StaffAssessment | undefined): Write[] {
  const state = assessmentState(a);
  const before = previous && assessmentState(previous);
  const removal = before && before !== state ? [keys.streetAssessmentEntry(a.street, before, a.period, a.staffId)] : [];
  const Item = { ...keys.streetAssessmentEntry(a.street, state, a.period, a.staffId), itemType: 'street-assessment-entry', ...a };
  return [
    ...removal.map((Key) => ({ item: { Delete: { TableName: '', Key } }, conflict: `assessment entry ${Key.pk}` })),
    { item: { Put: { TableName: '', Item } }, conflict: `assessment entry ${Item.pk}` },
  ];
}

/**
 * Double assessments: one item per member and period (both sides), listed per member on gsi1 and
 * per street by state (entries).
 */
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

  /** A street's assessments in one state, newest period first; of one period when `period` is given. */
  async ofStreet(street: string, state: AssessmentState, page: { limit: number; cursor?: string; period?: string }): Promise<Page<StaffAssessment>> {
    const result = await rangePage<Stored>(this.store, {
      partition: keys.assessmentsOfStreet(street, state),
      ...(page.period ? { prefix: `${page.period}#` } : {}),
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
    return {
      writes: [a.version === 1 ? putNew(item, conflict) : putVersioned(item, conflict), ...entryWrites(a, change.previous)],
      events: change.events,
    };
  }
}

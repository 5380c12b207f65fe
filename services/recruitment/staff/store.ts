import type * as z from 'zod/mini';
import { rangePage } from '../../../kernel/range-page.ts';
import type { AssessmentRecorded } from '../../../contracts/authority.ts';
import { putNew, putVersioned, type Commit, type Item, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { SecondmentStatus } from '../vocabulary.ts';
import type { Secondment, SecondmentChange, StaffMember } from './domain.ts';
import { countStaffing, type StaffingCounts } from './staffing.ts';

/** A member on the street's roster (gsi1), newest hire first. */
export function staffItem(staff: StaffMember) {
  return {
    ...keys.staff(staff.id),
    itemType: 'staff',
    gsi1pk: keys.rosterOfStreet(staff.street),
    gsi1sk: `${staff.hiredAt}#${staff.id}`,
    ...staff,
  };
}

/** Only an active, unflagged secondment is in the by-end-date index the schedule reads. */
function secondmentItem(secondment: Secondment): Item & { version: number } {
  return {
    ...keys.secondment(secondment.id),
    itemType: 'secondment',
    ...(secondment.status === 'active'
      ? { gsi1pk: keys.openSecondmentsByEnd, gsi1sk: `${secondment.endsOn}#${secondment.id}` }
      : {}),
    ...secondment,
  };
}

/** A secondment is listed by status under its street and under its district. */
function scopes(secondment: Secondment): string[] {
  return [secondment.street, districtOf(secondment.street)];
}

function entryWrites(secondment: Secondment, previous: SecondmentStatus | undefined): Write[] {
  // A change that keeps the status rewrites its entries in place (a transaction touches an item once).
  const removals = previous === undefined || previous === secondment.status ? [] : scopes(secondment).map((scope) => keys.secondmentEntry(scope, previous, secondment.startsOn, secondment.id));
  const additions = scopes(secondment).map((scope) => ({
    ...keys.secondmentEntry(scope, secondment.status, secondment.startsOn, secondment.id),
    itemType: 'secondment-entry',
    ...secondment,
  }));
  return [
    ...removals.map((Key) => ({ item: { Delete: { TableName: '', Key } }, conflict: `secondment entry ${Key.pk}` })),
    ...additions.map((Item) => ({ item: { Put: { TableName: '', Item } }, conflict: `secondment entry ${Item.pk}` })),
  ];
}

/**
 * Flag once: the write holds only if nobody changed or flagged the secondment since it was read, so
 * two runs of the schedule at once (or a retried run) cannot both flag it.
 */
function flagOnce(secondment: Secondment): Write {
  return {
    item: {
      Put: {
        TableName: '',
        Item: secondmentItem(secondment),
        ConditionExpression: '#version = :expected AND attribute_not_exists(flaggedAt)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': secondment.version - 1 },
      },
    },
    conflict: `Secondment ${secondment.id} was flagged or changed meanwhile.`,
  };
}

/** The counts a secondment's move from one status to another changes. */
function countsFor(previous: SecondmentStatus | undefined, next: SecondmentStatus): Partial<StaffingCounts> {
  const on = (s: SecondmentStatus | undefined) => (s === 'active' || s === 'flagged' ? 1 : 0);
  const flagged = (s: SecondmentStatus | undefined) => (s === 'flagged' ? 1 : 0);
  return { onSecondment: on(next) - on(previous), flagged: flagged(next) - flagged(previous) };
}

/** The roster, secondments and assessments in the recruitment table. */
export class StaffStore {
  constructor(readonly table: Store) {}

  async member(id: string): Promise<StaffMember | undefined> {
    const item = await this.table.get<Stored<StaffMember>>(keys.staff(id));
    return item && strip(item);
  }

  async roster(street: string, query: { limit: number; cursor?: string }): Promise<Page<StaffMember>> {
    const page = await rangePage<Stored<StaffMember>>(this.table, {
      index: 'gsi1',
      partition: keys.rosterOfStreet(street),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { ...page, items: page.items.map(strip) };
  }

  /** The member's assessments from authority (AssessmentRecorded as it came), latest period first. */
  async assessments(staffId: string, limit: number): Promise<Array<z.output<(typeof AssessmentRecorded)['data']>>> {
    const page = await rangePage<Stored<z.output<(typeof AssessmentRecorded)['data']>>>(this.table, { ...keys.assessmentsOfStaff(staffId), limit });
    return page.items.map(strip);
  }

  async secondment(id: string): Promise<Secondment | undefined> {
    const item = await this.table.get<Stored<Secondment>>(keys.secondment(id));
    return item && strip(item);
  }

  async secondments(scope: string, status: SecondmentStatus, query: { limit: number; cursor?: string }): Promise<Page<Secondment>> {
    const page = await rangePage<Stored<Secondment>>(this.table, {
      partition: keys.secondmentsOf(scope, status),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { ...page, items: page.items.map(strip) };
  }

  /** Active, unflagged secondments whose last day is before `day`, earliest end first: a Query, not a scan. */
  async dueSecondments(day: string, query: { limit: number; cursor?: string }): Promise<Page<Secondment>> {
    const page = await rangePage<Stored<Secondment>>(this.table, {
      index: 'gsi1',
      partition: keys.openSecondmentsByEnd,
      below: day,
      ascending: true,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { ...page, items: page.items.map(strip) };
  }

  async staffing(street: string): Promise<Partial<StaffingCounts> | undefined> {
    return this.table.get<Stored<StaffingCounts>>(keys.staffing(street));
  }

  /** A secondment's change: the secondment (a flag written once; any other change on its version), its list entries, the member, the counts. */
  secondmentCommit({ secondment, previousStatus, staff, events }: SecondmentChange): Commit {
    const secondmentWrite =
      previousStatus === undefined
        ? putNew(secondmentItem(secondment), `Secondment ${secondment.id} already exists.`)
        : secondment.status === 'flagged' && previousStatus !== 'flagged'
          ? flagOnce(secondment)
          : putVersioned(secondmentItem(secondment), `Secondment ${secondment.id} changed meanwhile.`);
    const counts = countsFor(previousStatus, secondment.status);
    return {
      writes: [
        secondmentWrite,
        ...entryWrites(secondment, previousStatus),
        ...(staff ? [putVersioned(staffItem(staff), `${staff.name}'s record changed meanwhile.`)] : []),
        ...(Object.values(counts).some((n) => n !== 0) ? [countStaffing(secondment.street, counts)] : []),
      ],
      events,
    };
  }

  /** An assessment from authority joins the member's record; its key is its id, so a repeat rewrites it. */
  assessmentWrite(staffId: string, assessment: { assessmentId: string; period: string } & Record<string, unknown>): Write {
    return {
      item: {
        Put: {
          TableName: '',
          Item: { ...keys.assessment(staffId, assessment.period, assessment.assessmentId), itemType: 'assessment', ...assessment },
        },
      },
      conflict: `assessment ${assessment.assessmentId}`,
    };
  }
}

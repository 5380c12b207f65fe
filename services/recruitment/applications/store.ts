import { getMany } from '../../../kernel/bulk-read.ts';
import { rangeAll, rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { countApplication, touchPosition } from '../positions/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { ApplicationStatus } from '../vocabulary.ts';
import type { Application, ApplicationChange } from './domain.ts';

/** An application, listed under its position by status (gsi1), oldest submission first within a status. */
export function applicationItem(application: Application) {
  return {
    ...keys.application(application.id),
    itemType: 'application',
    gsi1pk: keys.applicationsOfPosition(application.positionId),
    gsi1sk: keys.applicationOrder(application.status, application.submittedAt, application.id),
    ...application,
  };
}

/** Applications to positions at most: ranking reads a position's eligible ones at once. */
const MAX_APPLICATIONS_RANKED = 20_000;

export class ApplicationStore {
  constructor(readonly table: Store) {}

  async application(id: string): Promise<Application | undefined> {
    const item = await this.table.get<Stored<Application>>(keys.application(id));
    return item && strip(item);
  }

  /**
   * The application, the applicant's entry for the position and the position's count, in one
   * transaction. The entry is keyed by applicant and position and written with attribute_not_exists:
   * of any number of simultaneous applications by one person to one position, exactly one commits.
   */
  submissionCommit({ application, events }: ApplicationChange): Commit {
    return {
      writes: [
        putNew(
          {
            ...keys.applicantEntry(application.applicant, application.positionId),
            itemType: 'applicant-entry',
            applicationId: application.id,
            positionId: application.positionId,
            submittedAt: application.submittedAt,
          },
          `You have already applied for position ${application.positionId}.`,
        ),
        putNew(applicationItem(application), `Application ${application.id} already exists.`),
        putNew(
          {
            ...keys.submissionEntry(application.positionId, application.submittedAt, application.id),
            itemType: 'submission-entry',
            applicationId: application.id,
          },
          `Application ${application.id} already exists.`,
        ),
        countApplication(application.positionId, application.status === 'eligible'),
      ],
      events,
    };
  }

  scoringCommit({ application, events }: ApplicationChange): Commit {
    return {
      writes: [
        putVersioned(applicationItem(application), `Application ${application.id} changed meanwhile.`),
        touchPosition(application.positionId),
      ],
      events,
    };
  }

  /**
   * A position's applications, earliest submission first: of one status from its gsi1 slice, or all
   * of them from the submission entries (gsi1 sorts by status first, so it cannot give them in order).
   */
  async ofPosition(positionId: string, query: { status?: ApplicationStatus; limit: number; cursor?: string }): Promise<Page<Application>> {
    const cursor = query.cursor ? { cursor: query.cursor } : {};
    if (query.status) {
      const page = await rangePage<Stored<Application>>(this.table, {
        index: 'gsi1',
        partition: keys.applicationsOfPosition(positionId),
        prefix: `${query.status}#`,
        ascending: true,
        limit: query.limit,
        ...cursor,
      });
      return { ...page, items: page.items.map(strip) };
    }
    const page = await rangePage<Stored<{ applicationId: string }>>(this.table, {
      ...keys.submissionsOfPosition(positionId),
      ascending: true,
      limit: query.limit,
      ...cursor,
    });
    return { items: await this.byEntries(page.items), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** Every eligible application of a position, for ranking (bounded; a Query on its gsi1 slice). */
  async eligibleOf(positionId: string): Promise<Application[]> {
    const items = await rangeAll<Stored<Application>>(this.table, {
      index: 'gsi1',
      partition: keys.applicationsOfPosition(positionId),
      prefix: 'eligible#',
      ascending: true,
      maxItems: MAX_APPLICATIONS_RANKED,
    });
    return items.map(strip);
  }

  /** The applicant's own applications, newest position first: their entries, then the applications by key. */
  async ofApplicant(applicant: string, query: { limit: number; cursor?: string }): Promise<Page<Application>> {
    const page = await rangePage<Stored<{ applicationId: string }>>(this.table, {
      partition: keys.applicantPartition(applicant),
      prefix: 'POSITION#',
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { items: await this.byEntries(page.items), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** The applications that entries name, in the entries' order, by key. */
  private async byEntries(entries: ReadonlyArray<{ applicationId: string }>): Promise<Application[]> {
    const found = await getMany<Stored<Application>>(this.table, entries.map((entry) => keys.application(entry.applicationId)));
    const byId = new Map(found.map((item) => [item.id, strip(item)]));
    return entries.map((entry) => byId.get(entry.applicationId)).filter((a): a is Application => a !== undefined);
  }
}

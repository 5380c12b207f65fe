import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getMany } from '../../../kernel/bulk-read.ts';
import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Item, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { addCounts } from '../../../kernel/counters.ts';
import { keys } from '../keys.ts';
import { performanceWrites } from '../performance/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { IssueStatus } from '../vocabulary.ts';
import { dueByFor, type Issue, type IssueChange } from './domain.ts';

/** Only an unresolved issue not yet escalated is in the index the deadline check reads. */
function issueItem(issue: Issue): Item & { version: number } {
  const due = issue.escalation ? undefined : dueByFor(issue, issue.status);
  return {
    ...keys.issue(issue.id),
    itemType: 'issue',
    ...(due ? { gsi1pk: keys.issuesDue, gsi1sk: keys.dueOrder(due, issue.id) } : {}),
    ...issue,
  };
}

/**
 * The list entries of an issue: under its street and district by overall status, and under each
 * department (in the street and in the district) by that department's own status. Unresolved ones
 * sort by the deadline that runs, resolved ones by when they were resolved. An entry holds only the
 * issue's id: a list reads the issues themselves by key, so the issue item is the one place an
 * issue is written, and a change that moves no entry (a meeting taking it) writes no entry.
 */
function entries(issue: Issue): Item[] {
  const sortAt = (status: IssueStatus, resolvedAt: string | undefined) => dueByFor(issue, status) ?? resolvedAt ?? issue.raisedAt;
  const lastResolved = Object.values(issue.responses)
    .map((r) => r.resolvedAt ?? '')
    .sort()
    .at(-1);
  const overall = [issue.street, issue.district].map((scope) => keys.issueEntry(scope, issue.status, sortAt(issue.status, lastResolved), issue.id));
  const perDepartment = issue.departments.flatMap((department) => {
    const response = issue.responses[department]!;
    return [issue.street, issue.district].map((jurisdiction) =>
      keys.issueEntry(keys.scope(jurisdiction, department), response.status, sortAt(response.status, response.resolvedAt), issue.id),
    );
  });
  return [...overall, ...perDepartment].map((key) => ({ ...key, itemType: 'issue-entry', id: issue.id }));
}

/** The entries that move: those of the previous state that are gone, and the new ones. */
function entryWrites(issue: Issue, previous: Issue | undefined): Write[] {
  const id = (e: Item) => `${e.pk}\u0000${e.sk}`;
  const next = entries(issue);
  const before = previous ? entries(previous) : [];
  const kept = new Set(next.map(id));
  const had = new Set(before.map(id));
  return [
    ...before.filter((e) => !kept.has(id(e))).map((e) => ({ item: { Delete: { TableName: '', Key: { pk: e.pk, sk: e.sk } } }, conflict: `issue entry ${e.pk}` })),
    ...next.filter((e) => !had.has(id(e))).map((Item) => ({ item: { Put: { TableName: '', Item } }, conflict: `issue entry ${Item.pk}` })),
  ];
}

/** The issues of these list entries, in the entries' order (an entry holds the issue's id). */
export async function issuesOfEntries(table: Store, entries: readonly Item[]): Promise<Issue[]> {
  const ids = entries.map((entry) => String(entry.id));
  const found = new Map(
    (await getMany(table, ids.map((id) => keys.issue(id)))).map((item) => {
      const issue = strip(item as Stored<Issue>);
      return [issue.id, issue];
    }),
  );
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** Issues in the coordination table. */
export class IssueStore {
  constructor(readonly table: Store) {}

  async issue(id: string): Promise<Issue | undefined> {
    const item = await this.table.get(keys.issue(id));
    return item && strip(item as Stored<Issue>);
  }

  /** These issues, by id, in no particular order; ids without an issue are left out. */
  async issues(ids: readonly string[]): Promise<Issue[]> {
    return (await getMany(this.table, ids.map((id) => keys.issue(id)))).map((item) => strip(item as Stored<Issue>));
  }

  /**
   * A place's issues of one status (with `department`, that department's own status): unresolved
   * ones earliest deadline first (with `overdueAt`, only those whose deadline passed before it),
   * resolved ones latest first. An issue whose status changed between reading its entry and reading
   * it is left out of this page: it is in the list of its new status.
   */
  async list(
    place: { jurisdiction: string; department?: string },
    status: IssueStatus,
    query: { limit: number; cursor?: string; overdueAt?: string },
  ): Promise<Page<Issue>> {
    const page = await rangePage(this.table, {
      partition: keys.issuesOf(keys.scope(place.jurisdiction, place.department), status),
      ascending: status !== 'resolved',
      ...(query.overdueAt ? { below: query.overdueAt } : {}),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const statusOf = (issue: Issue) => (place.department ? issue.responses[place.department]?.status : issue.status);
    const issues = (await issuesOfEntries(this.table, page.items)).filter((issue) => statusOf(issue) === status);
    return { ...page, items: issues };
  }

  /** How many of a scope's issues of a status are past their deadline at `now`: a counting Query. */
  async countOverdue(scope: string, status: 'open' | 'acknowledged', now: string): Promise<number> {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND sk < :now',
          ExpressionAttributeValues: { ':pk': keys.issuesOf(scope, status), ':now': now },
          Select: 'COUNT',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      count += out.Count ?? 0;
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  /** Unescalated, unresolved issues whose deadline passed before `now`, earliest first: a Query of the index. */
  async due(now: string, query: { limit: number; cursor?: string }): Promise<Page<Issue>> {
    const page = await rangePage(this.table, {
      index: 'gsi1',
      partition: keys.issuesDue,
      below: now,
      ascending: true,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { ...page, items: page.items.map((item) => strip(item as Stored<Issue>)) };
  }

  /** An issue's change: the issue, its list entries, the departments' counts, the company's. */
  issueCommit(change: IssueChange, now: string): Commit {
    const { issue, previous, events } = change;
    const issueWrite = previous
      ? putVersioned(issueItem(issue), `Issue ${issue.id} changed meanwhile; read it again.`)
      : putNew(issueItem(issue), `Issue ${issue.id} already exists.`);
    const company: Write[] = [];
    // The company's list of its issues: an entry with the issue's id, written when the issue is raised.
    if (issue.propertyCompanyId && !previous) {
      company.push(putNew({ ...keys.companyIssue(issue.propertyCompanyId, issue.raisedAt, issue.id), itemType: 'company-issue', id: issue.id }, `company issue ${issue.id}`));
    }
    if (change.companyRating) {
      company.push(addCounts(keys.company(change.companyRating.companyId), { ratings: 1, ratingSum: change.companyRating.score }));
    }
    return {
      writes: [issueWrite, ...entryWrites(issue, previous), ...performanceWrites(issue.district, change.performance, now), ...company],
      events,
    };
  }
}

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Item, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { addCounts } from '../counters.ts';
import { keys } from '../keys.ts';
import { performanceWrites } from '../performance/store.ts';
import { unwrap } from '../stored.ts';
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
 * sort by the deadline that runs, resolved ones by when they were resolved.
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
  return [...overall, ...perDepartment].map((key) => ({ ...key, itemType: 'issue-entry', ...issue }));
}

function entryWrites(issue: Issue, previous: Issue | undefined): Write[] {
  const next = entries(issue);
  const kept = new Set(next.map((e) => `${e.pk}\u0000${e.sk}`));
  const removals = (previous ? entries(previous) : []).filter((e) => !kept.has(`${e.pk}\u0000${e.sk}`));
  return [
    ...removals.map((e) => ({ item: { Delete: { TableName: '', Key: { pk: e.pk, sk: e.sk } } }, conflict: `issue entry ${e.pk}` })),
    ...next.map((Item) => ({ item: { Put: { TableName: '', Item } }, conflict: `issue entry ${Item.pk}` })),
  ];
}

/** Issues in the coordination table. */
export class IssueStore {
  constructor(readonly table: Store) {}

  async issue(id: string): Promise<Issue | undefined> {
    return unwrap<Issue>(await this.table.get(keys.issue(id)));
  }

  /**
   * A scope's issues of one status: unresolved ones earliest deadline first (with `overdueAt`, only
   * those whose deadline passed before it), resolved ones latest first.
   */
  async list(scope: string, status: IssueStatus, query: { limit: number; cursor?: string; overdueAt?: string }): Promise<Page<Issue>> {
    const page = await rangePage(this.table, {
      partition: keys.issuesOf(scope, status),
      ascending: status !== 'resolved',
      ...(query.overdueAt ? { below: query.overdueAt } : {}),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { ...page, items: page.items.map((item) => unwrap<Issue>(item)!) };
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
    return { ...page, items: page.items.map((item) => unwrap<Issue>(item)!) };
  }

  /** An issue's change: the issue, its list entries, the departments' counts, the company's. */
  issueCommit(change: IssueChange, now: string): Commit {
    const { issue, previous, events } = change;
    const issueWrite = previous
      ? putVersioned(issueItem(issue), `Issue ${issue.id} changed meanwhile; read it again.`)
      : putNew(issueItem(issue), `Issue ${issue.id} already exists.`);
    const company: Write[] = [];
    // The company's list shows each of its issues as it stands now.
    if (issue.propertyCompanyId) {
      company.push({
        item: { Put: { TableName: '', Item: { ...keys.companyIssue(issue.propertyCompanyId, issue.raisedAt, issue.id), itemType: 'company-issue', ...issue } } },
        conflict: `company issue ${issue.id}`,
      });
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

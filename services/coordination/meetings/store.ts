import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { queryRange } from '../../../kernel/bulk-read.ts';
import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Item, type Store, type Write } from '../../../kernel/store.ts';
import type { IssueChange } from '../issues/domain.ts';
import { IssueStore } from '../issues/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { MAX_JOINING, type AgendaIssue, type Decision, type DecisionChange, type Meeting, type MeetingChange } from './domain.ts';

function meetingItem(meeting: Meeting): Item & { version: number } {
  return { ...keys.meeting(meeting.id), itemType: 'meeting', gsi1pk: keys.meetingsOfDistrict(meeting.district), gsi1sk: `${meeting.startsAt}#${meeting.id}`, ...meeting };
}

function decisionItem(decision: Decision): Item & { version: number } {
  return { ...keys.decision(decision.id), itemType: 'decision', gsi1pk: keys.decisionsOfMeeting(decision.meetingId), gsi1sk: `${decision.recordedAt}#${decision.id}`, ...decision };
}

/** Joint meetings, their agenda and decisions in the coordination table. */
export class MeetingStore {
  private readonly issues: IssueStore;

  constructor(readonly table: Store) {
    this.issues = new IssueStore(table);
  }

  async meeting(id: string): Promise<Meeting | undefined> {
    const item = await this.table.get(keys.meeting(id));
    return item && strip(item as Stored<Meeting>);
  }

  async decision(id: string): Promise<Decision | undefined> {
    const item = await this.table.get(keys.decision(id));
    return item && strip(item as Stored<Decision>);
  }

  /** The district's next meeting that has not started at `now`: one Query of its meetings by start. */
  /** A district's meetings by start, latest first: a page of the gsi1 partition. */
  async meetingsOf(district: string, query: { limit: number; cursor?: string }): Promise<{ items: Meeting[]; cursor?: string }> {
    const page = await rangePage(this.table, { index: 'gsi1', partition: keys.meetingsOfDistrict(district), limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { ...page, items: page.items.map((item) => strip(item as Stored<Meeting>)) };
  }

  async nextMeeting(district: string, now: string): Promise<Meeting | undefined> {
    const out = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :now',
        ExpressionAttributeValues: { ':pk': keys.meetingsOfDistrict(district), ':now': now },
        Limit: 1,
      }),
    );
    const item = out.Items?.[0] as Stored<Meeting> | undefined;
    return item && strip(item);
  }

  /** Escalated issues of the district waiting for a meeting, oldest first. */
  async waitingIssues(district: string): Promise<AgendaIssue[]> {
    const page = await rangePage(this.table, { partition: keys.pendingAgenda(district), ascending: true, limit: MAX_JOINING });
    return page.items.map((item) => strip(item as Stored<AgendaIssue>));
  }

  /** The escalated issues on a meeting's agenda: those it took when convened and those escalated onto it later. */
  async agenda(meetingId: string): Promise<AgendaIssue[]> {
    const items = await queryRange(this.table, { ...keys.agendaOfMeeting(meetingId), maxItems: 1_000 });
    return items.map((item) => strip(item as Stored<AgendaIssue>));
  }

  async decisions(meetingId: string): Promise<Decision[]> {
    const page = await rangePage(this.table, { index: 'gsi1', partition: keys.decisionsOfMeeting(meetingId), ascending: true, limit: 100 });
    return page.items.map((item) => strip(item as Stored<Decision>));
  }

  /** An escalated issue joins a meeting's agenda, or waits for the next one to be convened. */
  agendaWrite(issue: AgendaIssue, district: string, meetingId: string | undefined): Write {
    const Item = meetingId
      ? { ...keys.agendaIssue(meetingId, issue.issueId), itemType: 'agenda-issue', ...issue }
      : { ...keys.pendingAgendaEntry(district, issue.escalatedAt, issue.issueId), itemType: 'pending-agenda', ...issue };
    return putNew(Item, `Issue ${issue.issueId} is already on the agenda.`);
  }

  /**
   * A meeting, and when convened the waiting issues it takes, in one transaction: each leaves the
   * waiting list (only if still there, so two meetings convened at once cannot both take it), joins
   * this agenda, and its escalation names this meeting (`joining`: the issues' changes, made by
   * issues/domain.ts joinMeeting from the issues as read; a versioned write each).
   */
  meetingCommit(change: MeetingChange, joining: readonly IssueChange[] = []): Commit {
    const { meeting, previous, events } = change;
    const issueWrites = new Map(joining.map((c) => [c.issue.id, this.issues.issueCommit(c, meeting.convenedAt).writes]));
    return {
      writes: [
        previous
          ? putVersioned(meetingItem(meeting), `Meeting ${meeting.id} changed meanwhile.`)
          : putNew(meetingItem(meeting), `Meeting ${meeting.id} already exists.`),
        ...change.joined.flatMap((issue) => [
          {
            item: {
              Delete: {
                TableName: '',
                Key: keys.pendingAgendaEntry(meeting.district, issue.escalatedAt, issue.issueId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            conflict: `Escalated issue ${issue.issueId} joined another meeting meanwhile.`,
          },
          this.agendaWrite(issue, meeting.district, meeting.id),
          ...(issueWrites.get(issue.issueId) ?? []),
        ]),
      ],
      events,
    };
  }

  decisionCommit({ decision, previous, events }: DecisionChange): Commit {
    return {
      writes: [
        previous
          ? putVersioned(decisionItem(decision), `Decision ${decision.id} changed meanwhile.`)
          : putNew(decisionItem(decision), `Decision ${decision.id} already exists.`),
      ],
      events,
    };
  }
}

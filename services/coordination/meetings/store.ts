import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { queryRange } from '../../../kernel/bulk-read.ts';
import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, putVersioned, type Commit, type Item, type Store, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { unwrap } from '../stored.ts';
import type { Decision, DecisionChange, Meeting, MeetingChange } from './domain.ts';

/** Escalated issues a meeting takes from the waiting list at most (the rest wait for the next one). */
export const MAX_JOINING = 40;

export interface AgendaIssue {
  issueId: string;
  street: string;
  escalatedAt: string;
  reason: string;
  departments: string[];
}

function meetingItem(meeting: Meeting): Item & { version: number } {
  return { ...keys.meeting(meeting.id), itemType: 'meeting', gsi1pk: keys.meetingsOfDistrict(meeting.district), gsi1sk: `${meeting.startsAt}#${meeting.id}`, ...meeting };
}

function decisionItem(decision: Decision): Item & { version: number } {
  return { ...keys.decision(decision.id), itemType: 'decision', gsi1pk: keys.decisionsOfMeeting(decision.meetingId), gsi1sk: `${decision.recordedAt}#${decision.id}`, ...decision };
}

/** Joint meetings, their agenda and decisions in the coordination table. */
export class MeetingStore {
  constructor(readonly table: Store) {}

  async meeting(id: string): Promise<Meeting | undefined> {
    return unwrap<Meeting>(await this.table.get(keys.meeting(id)));
  }

  async decision(id: string): Promise<Decision | undefined> {
    return unwrap<Decision>(await this.table.get(keys.decision(id)));
  }

  /** The district's next meeting that has not started at `now`: one Query of its meetings by start. */
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
    return unwrap<Meeting>(out.Items?.[0] as Item | undefined);
  }

  /** Escalated issues of the district waiting for a meeting, oldest first. */
  async waitingIssues(district: string): Promise<AgendaIssue[]> {
    const page = await rangePage(this.table, { partition: keys.pendingAgenda(district), ascending: true, limit: MAX_JOINING });
    return page.items.map((item) => unwrap<AgendaIssue>(item)!);
  }

  /** The escalated issues that joined a meeting after it was convened, and those it took at convening. */
  async agenda(meetingId: string): Promise<AgendaIssue[]> {
    const items = await queryRange(this.table, { ...keys.agendaOfMeeting(meetingId), maxItems: 1_000 });
    return items.map((item) => unwrap<AgendaIssue>(item)!);
  }

  async decisions(meetingId: string): Promise<Decision[]> {
    const page = await rangePage(this.table, { index: 'gsi1', partition: keys.decisionsOfMeeting(meetingId), ascending: true, limit: 100 });
    return page.items.map((item) => unwrap<Decision>(item)!);
  }

  /** An escalated issue joins a meeting's agenda, or waits for the next one to be convened. */
  agendaWrite(issue: AgendaIssue, district: string, meetingId: string | undefined): Write {
    const Item = meetingId
      ? { ...keys.agendaIssue(meetingId, issue.issueId), itemType: 'agenda-issue', ...issue }
      : { ...keys.pendingAgendaEntry(district, issue.escalatedAt, issue.issueId), itemType: 'pending-agenda', ...issue };
    return putNew(Item, `Issue ${issue.issueId} is already on the agenda.`);
  }

  /**
   * Convening takes the waiting issues: each leaves the waiting list (only if still there, so two
   * meetings convened at once cannot both take it) and joins this agenda.
   */
  meetingCommit(change: MeetingChange, waiting: AgendaIssue[] = []): Commit {
    const { meeting, previous, events } = change;
    const taken = waiting.filter((w) => change.joined.some((j) => j.issueId === w.issueId));
    return {
      writes: [
        previous
          ? putVersioned(meetingItem(meeting), `Meeting ${meeting.id} changed meanwhile.`)
          : putNew(meetingItem(meeting), `Meeting ${meeting.id} already exists.`),
        ...taken.flatMap((issue) => [
          {
            item: {
              Delete: {
                TableName: '',
                Key: keys.pendingAgendaEntry(meeting.district, issue.escalatedAt, issue.issueId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            conflict: `Escalated issue ${issue.issueId} joined another meeting meanwhile; convene again.`,
          },
          this.agendaWrite(issue, meeting.district, meeting.id),
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

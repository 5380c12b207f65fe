import { ConflictError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import type { ScheduleRun } from '../../../kernel/schedule.ts';
import type { Store } from '../../../kernel/store.ts';
import { MeetingStore } from '../meetings/store.ts';
import { escalateIssue } from './domain.ts';
import { IssueStore } from './store.ts';

/** Issues escalated per run at most; a backlog beyond it is taken up by the next runs. */
const MAX_PER_RUN = 2_000;

/**
 * The deadline check, run on a schedule as of the Scheduled Event's time: every unresolved issue whose
 * running deadline (report in, or resolve) has passed and that was not escalated yet is escalated
 * (a Query on the by-deadline index, never a scan), and joins the agenda of the district's next
 * meeting, or waits for the next one to be convened. The escalation is a versioned write, so a second
 * run, or two at once, escalate each issue once.
 */
export async function checkDeadlines(table: Store, cause: Cause, options: { pageSize?: number } = {}): Promise<ScheduleRun> {
  const issues = new IssueStore(table);
  const meetings = new MeetingStore(table);
  const nextMeeting = new Map<string, Promise<string | undefined>>();
  let due = 0;
  let escalated = 0;
  let skipped = 0;
  let cursor: string | undefined;
  do {
    const page = await issues.due(cause.now, { limit: options.pageSize ?? 100, ...(cursor ? { cursor } : {}) });
    for (const issue of page.items) {
      due += 1;
      if (!nextMeeting.has(issue.district)) nextMeeting.set(issue.district, meetings.nextMeeting(issue.district, cause.now).then((m) => m?.id));
      const meetingId = await nextMeeting.get(issue.district)!;
      const change = escalateIssue(issue, cause, meetingId);
      if ('ignored' in change) {
        skipped += 1;
        continue;
      }
      const commit = issues.issueCommit(change, cause.now);
      const escalation = change.issue.escalation!;
      commit.writes.push(
        meetings.agendaWrite(
          { issueId: issue.id, street: issue.street, escalatedAt: escalation.escalatedAt, reason: escalation.reason, departments: escalation.departments },
          issue.district,
          meetingId,
        ),
      );
      try {
        await table.commit(commit);
        escalated += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skipped += 1;
      }
    }
    cursor = page.cursor;
  } while (cursor && due < MAX_PER_RUN);
  return { now: cause.now, due, escalated, skipped };
}

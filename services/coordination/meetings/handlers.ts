import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { Store } from '../../../kernel/store.ts';
import { joinMeeting, type IssueChange } from '../issues/domain.ts';
import { IssueStore } from '../issues/store.ts';
import { conveneMeeting, meetingView, recordDecision, type Meeting, type MeetingRequest } from './domain.ts';
import type { meetingRoutes } from './routes.ts';
import { MeetingStore } from './store.ts';

/**
 * Attempts of one convening. Each failed attempt means another request took waiting issues (another
 * meeting convened at once) or changed one of them, so the next attempt reads a shorter or newer list:
 * several meetings convened at once all succeed, each waiting issue joining exactly one of them.
 */
const CONVENE_ATTEMPTS = 10;

/** 0-20 ms, 0-40 ms, … up to 0-640 ms: full jitter, so meetings convened at once spread out. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(attempt, 6) * Math.random()));

export function meetingHandlers(table: Store): RouteHandlers<typeof meetingRoutes> {
  const meetings = new MeetingStore(table);
  const issues = new IssueStore(table);

  async function meeting(id: string): Promise<Meeting> {
    const found = await meetings.meeting(id);
    if (!found) throw new NotFoundError(`No meeting ${id}.`);
    return found;
  }

  /** The changes of the waiting issues a meeting takes: each one's escalation names the meeting. */
  async function joining(meetingId: string, issueIds: readonly string[]): Promise<IssueChange[]> {
    return (await issues.issues(issueIds)).flatMap((issue) => {
      const change = joinMeeting(issue, meetingId);
      return 'ignored' in change ? [] : [change];
    });
  }

  return {
    async conveneMeeting({ body, principal, ctx }) {
      const district = districtOf(principal.jurisdiction);
      // Every street of the meeting must be the office's own.
      for (const jurisdiction of [district, body.hostStreet, ...body.members.streets]) ctx.authorize({ jurisdiction });
      const request: MeetingRequest = {
        id: ulid(),
        district,
        title: body.title,
        startsAt: new Date(body.startsAt).toISOString(),
        endsAt: new Date(body.endsAt).toISOString(),
        hostStreet: body.hostStreet,
        ...body.members,
        agenda: body.agenda,
        ...(body.attendees ? { attendees: body.attendees } : {}),
      };
      for (let attempt = 1; ; attempt += 1) {
        const waiting = await meetings.waitingIssues(district);
        const change = conveneMeeting(request, waiting, ctx.cause);
        try {
          return await ctx.commit(meetings.meetingCommit(change, await joining(request.id, waiting.map((w) => w.issueId))), {
            statusCode: 201,
            body: meetingView(change.meeting, change.joined, []),
          });
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= CONVENE_ATTEMPTS) throw error;
          await pause(attempt);
        }
      }
    },

    async listMeetings({ query, principal, ctx }) {
      const district = query.district ?? districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district });
      const page = await meetings.meetingsOf(district, query);
      return {
        statusCode: 200,
        body: {
          ...page,
          items: page.items.map((m) => ({
            id: m.id,
            district: m.district,
            title: m.title,
            startsAt: m.startsAt,
            endsAt: m.endsAt,
            hostStreet: m.hostStreet,
            attendees: m.attendees,
            venue: m.venue,
            convenedAt: m.convenedAt,
          })),
        },
      };
    },

    async getMeeting({ params, ctx }) {
      const found = await meeting(params.id);
      ctx.authorize({ jurisdiction: found.district });
      const [agenda, decisions] = await Promise.all([meetings.agenda(found.id), meetings.decisions(found.id)]);
      return { statusCode: 200, body: meetingView(found, agenda, decisions) };
    },

    async recordDecision({ params, body, ctx }) {
      const found = await meeting(params.id);
      ctx.authorize({ jurisdiction: found.district });
      const change = recordDecision(found, { ...body, id: ulid() }, ctx.cause);
      return ctx.commit(meetings.decisionCommit(change), { statusCode: 201, body: change.decision });
    },
  };
}

import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import { districtOf } from '../../../kernel/roles.ts';
import type { Store } from '../../../kernel/store.ts';
import { conveneMeeting, recordDecision, type Meeting } from './domain.ts';
import type { meetingRoutes } from './routes.ts';
import { MeetingStore } from './store.ts';

export function meetingHandlers(table: Store): RouteHandlers<typeof meetingRoutes> {
  const meetings = new MeetingStore(table);

  async function meeting(id: string): Promise<Meeting> {
    const found = await meetings.meeting(id);
    if (!found) throw new NotFoundError(`No meeting ${id}.`);
    return found;
  }

  return {
    async conveneMeeting({ body, principal, ctx }) {
      const district = districtOf(principal.jurisdiction);
      // Every street of the meeting must be the office's own.
      for (const jurisdiction of [district, body.hostStreet, ...body.members.streets]) ctx.authorize({ jurisdiction });
      const waiting = await meetings.waitingIssues(district);
      const change = conveneMeeting(
        {
          id: ulid(),
          district,
          title: body.title,
          startsAt: new Date(body.startsAt).toISOString(),
          endsAt: new Date(body.endsAt).toISOString(),
          hostStreet: body.hostStreet,
          ...body.members,
          agenda: body.agenda,
          ...(body.attendees ? { attendees: body.attendees } : {}),
        },
        waiting,
        ctx.cause,
      );
      return ctx.commit(meetings.meetingCommit(change, waiting), { statusCode: 201, body: { ...change.meeting, decisions: [] } });
    },

    async getMeeting({ params, ctx }) {
      const found = await meeting(params.id);
      ctx.authorize({ jurisdiction: found.district });
      const [agenda, decisions] = await Promise.all([meetings.agenda(found.id), meetings.decisions(found.id)]);
      return { statusCode: 200, body: { ...found, escalatedIssues: agenda, decisions } };
    },

    async recordDecision({ params, body, ctx }) {
      const found = await meeting(params.id);
      ctx.authorize({ jurisdiction: found.district });
      const change = recordDecision(found, { ...body, id: ulid() }, ctx.cause);
      return ctx.commit(meetings.decisionCommit(change), { statusCode: 201, body: change.decision });
    },
  };
}

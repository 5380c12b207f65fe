import * as z from 'zod';
import { defineEvent } from '../../kernel/events.ts';
import { DepartmentSchema, StreetSchema } from '../../kernel/roles.ts';

const source = 'five-haves.coordination';

/** Money: a whole, positive number of fen (1 yuan = 100 fen), never a float. */
const Fen = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * A joint meeting needs a room: premises books the first suitable one (`VenueBooked`) or says why it
 * cannot (`VenueUnavailable`), both carrying `meetingId` back.
 */
export const VenueRequested = defineEvent({
  source,
  detailType: 'VenueRequested',
  schemaVersion: 1,
  data: z.object({
    meetingId: z.string().min(1),
    title: z.string(),
    /** The street whose rooms are preferred; premises may fall back to other streets of its district. */
    preferredStreet: StreetSchema,
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    attendees: z.number().int().positive(),
  }),
});

/**
 * A joint-meeting decision that needs money: funding opens a request that finance decides, answered
 * with `FundsAllocated` or `FundingDeclined` carrying `request.ref` = `decisionId`.
 */
export const FundingRequested = defineEvent({
  source,
  detailType: 'FundingRequested',
  schemaVersion: 1,
  data: z.object({
    decisionId: z.string().min(1),
    meetingId: z.string().min(1),
    /** The street whose communities the money is for (its pools are drawn on). */
    street: StreetSchema,
    ownerDepartment: DepartmentSchema,
    amountFen: Fen,
    purpose: z.string(),
  }),
});

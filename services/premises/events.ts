import * as z from 'zod';
import { defineEvent } from '../../kernel/events.ts';
import { JurisdictionSchema, StreetSchema } from '../../kernel/roles.ts';

const source = 'five-haves.premises';

/** Money: a whole, positive number of fen (1 yuan = 100 fen), never a float. */
const Fen = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A community: `D01/S03/C07`. */
export const CommunitySchema = JurisdictionSchema.refine((j) => j.split('/').length === 3, 'a community such as D01/S03/C07');

/**
 * A community's compliance with the standard changed (or was assessed for the first time): emitted
 * on pass ↔ fail, not on every edit. `assessedAt` orders the results of one community.
 */
export const ComplianceAssessed = defineEvent({
  source,
  detailType: 'ComplianceAssessed',
  schemaVersion: 1,
  data: z.object({
    community: CommunitySchema,
    street: StreetSchema,
    compliant: z.boolean(),
    /** The rules that fail, by name (empty when compliant). */
    failing: z.array(z.string()),
    totalAreaM2: z.number().nonnegative(),
    requiredAreaM2: z.number().nonnegative(),
    shortfallM2: z.number().nonnegative(),
    households: z.number().int().nonnegative(),
    assessedAt: z.iso.datetime(),
  }),
});

/** A remediation plan asks for money: funding opens a request; its answer carries `request.ref` = `remediationId`. */
export const RemediationFundingRequested = defineEvent({
  source,
  detailType: 'RemediationFundingRequested',
  schemaVersion: 1,
  data: z.object({
    remediationId: z.string().min(1),
    community: CommunitySchema,
    street: StreetSchema,
    shortfallM2: z.number().nonnegative(),
    amountFen: Fen,
    purpose: z.string(),
  }),
});

/** The answer to `VenueRequested`: a room is booked for the meeting. */
export const VenueBooked = defineEvent({
  source,
  detailType: 'VenueBooked',
  schemaVersion: 1,
  data: z.object({
    meetingId: z.string().min(1),
    bookingId: z.string(),
    roomId: z.string(),
    roomName: z.string(),
    siteId: z.string(),
    address: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
  }),
});

/** The answer to `VenueRequested` when no room fits: why. */
export const VenueUnavailable = defineEvent({
  source,
  detailType: 'VenueUnavailable',
  schemaVersion: 1,
  data: z.object({
    meetingId: z.string().min(1),
    reason: z.string(),
  }),
});

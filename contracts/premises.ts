import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.ts';
import { CommunitySchema, StreetSchema } from '../kernel/jurisdiction.ts';

const source = 'five-haves.premises';

/** Money: a whole, positive number of fen (1 yuan = 100 fen), never a float. */
const Fen = z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER));

/**
 * A community's compliance with the standard changed (or was assessed for the first time): emitted
 * on pass ↔ fail, not on every edit. `assessedAt` orders the results of one community.
 */
export const ComplianceAssessed = defineEvent({
  source,
  detailType: 'ComplianceAssessed',
  schemaVersion: 1,
  data: () => z.object({
    community: CommunitySchema,
    street: StreetSchema,
    compliant: z.boolean(),
    /** The rules that fail, by name (empty when compliant). */
    failing: z.array(z.string()),
    totalAreaM2: z.number().check(z.nonnegative()),
    requiredAreaM2: z.number().check(z.nonnegative()),
    shortfallM2: z.number().check(z.nonnegative()),
    households: z.number().check(z.int(), z.nonnegative()),
    assessedAt: z.iso.datetime(),
  }),
});

/** A remediation plan asks for money: funding opens a request; its answer carries `request.ref` = `remediationId`. */
export const RemediationFundingRequested = defineEvent({
  source,
  detailType: 'RemediationFundingRequested',
  schemaVersion: 1,
  data: () => z.object({
    remediationId: z.string().check(z.minLength(1)),
    community: CommunitySchema,
    street: StreetSchema,
    shortfallM2: z.number().check(z.nonnegative()),
    amountFen: Fen,
    purpose: z.string(),
  }),
});

/** The answer to `VenueRequested`: a room is booked for the meeting. */
export const VenueBooked = defineEvent({
  source,
  detailType: 'VenueBooked',
  schemaVersion: 1,
  data: () => z.object({
    meetingId: z.string().check(z.minLength(1)),
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
  data: () => z.object({
    meetingId: z.string().check(z.minLength(1)),
    reason: z.string(),
  }),
});

// ---- Premises' own events (the audit trail of the register and the booking system) ----

/** What a site is used for; a site used as the office counts towards "scattered". */
export const UseSchema = z.enum(['office', 'service', 'resident-activity', 'meeting', 'elderly-care', 'childcare', 'health', 'culture', 'other']);
export const TenureSchema = z.enum(['owned', 'allocated', 'rented', 'borrowed']);

/** A site of community office and service space entered in the register. Areas in m² (at most two decimals). */
export const SiteRegistered = defineEvent({
  source,
  detailType: 'SiteRegistered',
  schemaVersion: 1,
  data: () => z.object({
    siteId: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    address: z.string(),
    areaM2: z.number().check(z.nonnegative()),
    residentActivityAreaM2: z.number().check(z.nonnegative()),
    tenure: TenureSchema,
    uses: z.array(UseSchema),
  }),
});

/** A site's record changed: the fields that changed, with their new values. */
export const SiteChanged = defineEvent({
  source,
  detailType: 'SiteChanged',
  schemaVersion: 1,
  data: () => z.object({
    siteId: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    version: z.number().check(z.int(), z.positive()),
    changed: z.array(z.string()),
  }),
});

/** The households a community serves (what its required area is computed from). */
export const HouseholdsRecorded = defineEvent({
  source,
  detailType: 'HouseholdsRecorded',
  schemaVersion: 1,
  data: () => z.object({
    community: CommunitySchema,
    street: StreetSchema,
    households: z.number().check(z.int(), z.nonnegative()),
    previous: z.nullable(z.number().check(z.int(), z.nonnegative())),
  }),
});

/** A district set its standard for community premises (the defaults apply until it does). */
export const StandardSet = defineEvent({
  source,
  detailType: 'StandardSet',
  schemaVersion: 1,
  data: () => z.object({
    district: z.string(),
    version: z.number().check(z.int(), z.positive()),
    areaPer100HouseholdsM2: z.number().check(z.nonnegative()),
    residentActivitySharePercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
    serviceComplexMinM2: z.number().check(z.nonnegative()),
    longTermRentalYears: z.number().check(z.int(), z.positive()),
    maxOfficeSites: z.number().check(z.int(), z.positive()),
  }),
});

/** A street office's plan to remedy a community's failing compliance. */
export const RemediationPlanned = defineEvent({
  source,
  detailType: 'RemediationPlanned',
  schemaVersion: 1,
  data: () => z.object({
    remediationId: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    failing: z.array(z.string()),
    shortfallM2: z.number().check(z.nonnegative()),
    plan: z.string(),
    dueBy: z.iso.date(),
    amountFen: z.optional(Fen),
  }),
});

/** Funding allocated money to a remediation plan (`allocatedFen`: all it has received so far). */
export const RemediationFunded = defineEvent({
  source,
  detailType: 'RemediationFunded',
  schemaVersion: 1,
  data: () => z.object({
    remediationId: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    allocationId: z.string(),
    amountFen: Fen,
    allocatedFen: Fen,
  }),
});

/** Funding declined a remediation plan's request for money. */
export const RemediationFundingDeclined = defineEvent({
  source,
  detailType: 'RemediationFundingDeclined',
  schemaVersion: 1,
  data: () => z.object({
    remediationId: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    reason: z.string(),
  }),
});

/** A room at a site that can be booked for deliberation. */
export const RoomAdded = defineEvent({
  source,
  detailType: 'RoomAdded',
  schemaVersion: 1,
  data: () => z.object({
    roomId: z.string(),
    siteId: z.string(),
    community: CommunitySchema,
    street: StreetSchema,
    name: z.string(),
    capacity: z.number().check(z.int(), z.positive()),
    bookable: z.enum(['public', 'staff']),
  }),
});

/** Which room a booking holds, and when. */
const BookedWindow = z.object({
  bookingId: z.string(),
  roomId: z.string(),
  street: StreetSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});

/** A room booked for a window (15-minute boundaries); `meetingId` when it answers a VenueRequested. */
export const BookingMade = defineEvent({
  source,
  detailType: 'BookingMade',
  schemaVersion: 1,
  data: () => z.extend(BookedWindow, {
    attendees: z.number().check(z.int(), z.positive()),
    bookedBy: z.string(),
    meetingId: z.optional(z.string()),
  }),
});

/** A booking cancelled: its slots are free again from this moment. */
export const BookingCancelled = defineEvent({
  source,
  detailType: 'BookingCancelled',
  schemaVersion: 1,
  data: () => z.extend(BookedWindow, {
    cancelledBy: z.string(),
  }),
});

import * as z from 'zod/mini';
import { healthRoute } from '../../kernel/health.ts';
import { DepartmentSchema, ROLES, RoleSchema } from '../../kernel/roles.ts';
import { JurisdictionSchema } from '../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery } from '../../kernel/routes.ts';
import { KINDS, KindSchema, LanguageSchema } from './texts.ts';

const SIGNED_IN = { roles: ROLES, jurisdiction: 'any' } as const;

export const ProfileSchema = z
  .object({
    sub: z.string(),
    email: z.optional(z.string()),
    name: z.optional(z.string()),
    roles: z.array(RoleSchema),
    jurisdiction: JurisdictionSchema,
    department: z.optional(DepartmentSchema),
    language: LanguageSchema,
    registeredAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .check(z.meta({ title: 'NotificationProfile' }));

export const NoteSchema = z
  .object({
    id: z.string(),
    kind: KindSchema,
    title: z.string(),
    body: z.string(),
    link: z.optional(z.string()),
    calendarUid: z.optional(z.string()),
    createdAt: z.iso.datetime(),
    readAt: z.optional(z.iso.datetime()),
    mail: z.enum(['pending', 'sending', 'sent', 'digest', 'digested', 'off', 'no-address', 'suppressed']).check(
      z.meta({ description: 'What became of its e-mail: sent, waiting (pending, sending, digest), sent in a digest (digested), or none (off by preference, no-address, suppressed after a bounce or complaint).' }),
    ),
  })
  .check(z.meta({ title: 'Notification' }));

const EmailByKind = z.strictObject(Object.fromEntries(KINDS.map((kind) => [kind, z.optional(z.boolean())])) as Record<(typeof KINDS)[number], z.ZodMiniOptional<z.ZodMiniBoolean>>);

export const PreferencesSchema = z
  .object({
    delivery: z.enum(['immediate', 'digest']).check(z.meta({ description: '`immediate`: each e-mail as it happens; `digest`: one e-mail a day (08:00 China time) with the day before\'s.' })),
    email: z.object(Object.fromEntries(KINDS.map((kind) => [kind, z.boolean()])) as Record<(typeof KINDS)[number], z.ZodMiniBoolean>),
  })
  .check(z.meta({ title: 'NotificationPreferences' }));

const FeedSchema = z
  .object({ url: z.url(), createdAt: z.iso.datetime() })
  .check(z.meta({ title: 'CalendarFeed', description: 'The secret URL of the caller\'s calendar feed. Shown once; anyone with it reads the feed until it is revoked or replaced.' }));

/** `<secret>.ics`: 43 URL-safe characters (256 random bits) and the extension. */
const FeedFile = z.strictObject({ file: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'a calendar feed file such as <secret>.ics')) });
const EventFile = z.strictObject({ file: z.string().check(z.regex(/^(meeting|booking)-[A-Za-z0-9]{1,64}@five-haves\.ics$/, 'an event file such as booking-<id>@five-haves.ics')) });

const example = {
  id: '0mi3x2k9qAbCdEfGhIjKlMnOp',
  kind: 'whistle-raised',
  title: '吹哨：D01/S03 需要 market-supervision 报到',
  body: 'D01/S03 就“占道经营”（和谐路 12 号）吹哨。请在 2026-12-01 10:00 前报到，2026-12-03 09:30 前办结。',
  createdAt: '2026-12-01T01:30:00.000Z',
  mail: 'sent',
} as const;

/** The notifications service: who is told what, the in-app inbox, e-mail preferences and calendars. */
export const routes = defineRoutes({
  registerMe: {
    method: 'PUT',
    path: '/notifications/me',
    summary: 'Record the signed-in person in the directory',
    description:
      'The web app calls this after each sign-in. The directory keeps the caller as their token says: `sub`, e-mail (if verified), name, roles, jurisdiction and department; only `language` comes from the body. Notifications addressed to a role in a place (the market-supervision department users of D01) reach the people recorded here whose jurisdiction covers the place.',
    access: SIGNED_IN,
    body: z.strictObject({ language: LanguageSchema }),
    status: 200,
    response: ProfileSchema,
  },
  myNotifications: {
    method: 'GET',
    path: '/notifications/me',
    summary: 'List my notifications',
    description: 'The caller\'s notifications, newest first, paged, with how many are unread.',
    access: SIGNED_IN,
    query: PageQuery,
    status: 200,
    response: z.object({ items: z.array(NoteSchema), cursor: z.optional(z.string()), unread: z.number().check(z.int(), z.nonnegative()) }),
    examples: { response: { items: [example], unread: 1 } },
  },
  markRead: {
    method: 'POST',
    path: '/notifications/me/items/{id}/read',
    summary: 'Mark a notification as read',
    description: 'Marks one of the caller\'s notifications read (again: no change). Another person\'s is 404.',
    access: SIGNED_IN,
    params: z.strictObject({ id: z.string().check(z.regex(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/, 'a notification id')) }),
    status: 200,
    response: NoteSchema,
  },
  myPreferences: {
    method: 'GET',
    path: '/notifications/me/preferences',
    summary: 'Get my e-mail preferences',
    access: SIGNED_IN,
    status: 200,
    response: PreferencesSchema,
  },
  setPreferences: {
    method: 'PUT',
    path: '/notifications/me/preferences',
    summary: 'Set my e-mail preferences',
    description: 'E-mail on or off per kind (kinds not named keep their setting), and at once or as a daily digest. The in-app inbox gets every notification whatever is chosen.',
    access: SIGNED_IN,
    body: z.strictObject({ delivery: z.optional(z.enum(['immediate', 'digest'])), email: z.optional(EmailByKind) }),
    status: 200,
    response: PreferencesSchema,
  },
  createFeed: {
    method: 'POST',
    path: '/notifications/me/calendar-feed',
    summary: 'Create (or replace) my calendar feed URL',
    description: 'A new secret URL of the meetings and bookings that concern the caller, as an iCalendar feed to subscribe to. An earlier URL stops working (404).',
    access: SIGNED_IN,
    status: 201,
    response: FeedSchema,
  },
  revokeFeed: {
    method: 'DELETE',
    path: '/notifications/me/calendar-feed',
    summary: 'Revoke my calendar feed URL',
    description: 'The feed URL answers 404 from now on. No feed: no change.',
    access: SIGNED_IN,
    status: 204,
  },
  calendarFeed: {
    method: 'GET',
    path: '/notifications/calendar/{file}',
    summary: 'A calendar feed (secret URL)',
    description: 'The meetings and bookings that concern the feed\'s owner, as `text/calendar`. The secret is the credential: an unknown or revoked one is 404.',
    access: { public: true },
    params: FeedFile,
    status: 200,
    produces: 'text/calendar',
  },
  eventFile: {
    method: 'GET',
    path: '/notifications/me/calendar/{file}',
    summary: 'Download one meeting or booking as .ics',
    description: 'One meeting or booking of the caller\'s calendar (the `calendarUid` of a notification, with `.ics`), as `text/calendar`. One not in the caller\'s calendar is 404.',
    access: SIGNED_IN,
    params: EventFile,
    status: 200,
    produces: 'text/calendar',
  },
  health: healthRoute('notifications'),
});

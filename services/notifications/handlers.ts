import { createHash, randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../kernel/auth.ts';
import { queryRange } from '../../kernel/bulk-read.ts';
import { ConflictError, NotFoundError } from '../../kernel/errors.ts';
import type { HttpResult, RouteHandlers } from '../../kernel/http.ts';
import { rangePage } from '../../kernel/range-page.ts';
import type { Item, Store, Write } from '../../kernel/store.ts';
import { calendarFile, type CalendarEvent } from './calendar.ts';
import { Directory, profileWrite, type Preferences, type ProfileItem } from './directory.ts';
import { keys } from './keys.ts';
import type { NoteItem } from './notifier.ts';
import type { routes } from './routes.ts';
import type { Language } from './texts.ts';

const CALENDAR_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' };
const MAX_FEED_ENTRIES = 2000;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

function profileView(profile: ProfileItem) {
  const { sub, email, name, roles, jurisdiction, department, language, registeredAt, updatedAt } = profile;
  return { sub, ...(email ? { email } : {}), ...(name ? { name } : {}), roles, jurisdiction, ...(department ? { department } : {}), language, registeredAt, updatedAt };
}

export function noteView(note: NoteItem) {
  const { id, kind, title, body, link, calendarUid, createdAt, readAt, mail } = note;
  return { id, kind, title, body, ...(link ? { link } : {}), ...(calendarUid ? { calendarUid } : {}), createdAt, ...(readAt ? { readAt } : {}), mail };
}

/**
 * A change of the caller's own profile, read and decided again when another request of theirs (a
 * second tab, the sign-in's registration) changed it in between: a person's own writes never race
 * each other into a 409.
 */
async function ownProfileChange(change: () => Promise<HttpResult>): Promise<HttpResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof ConflictError) || !error.message.startsWith('The profile') || attempt >= 5) throw error;
    }
  }
}

export function notificationHandlers(store: Store, appUrl: () => string): RouteHandlers<typeof routes> {
  const directory = new Directory(store);

  /** The caller's profile; one made from the token (in Chinese) if they never registered. */
  async function ensureProfile(principal: Principal, now: string, language?: Language): Promise<{ profile: ProfileItem; writes: Write[]; existing?: ProfileItem }> {
    const existing = await directory.profile(principal.sub);
    if (existing && !language) return { profile: existing, writes: [], existing };
    const { profile, writes } = directory.registration(principal, language ?? existing?.language ?? 'zh-CN', existing, now);
    return { profile, writes, ...(existing ? { existing } : {}) };
  }

  async function calendarOf(sub: string): Promise<CalendarEvent[]> {
    const entries = await queryRange<Item & CalendarEvent>(store, { partition: keys.user(sub), prefix: keys.calendarPrefix, maxItems: MAX_FEED_ENTRIES });
    return entries.map(({ uid, title, startsAt, endsAt, location, description, status, sequence }) => ({ uid, title, startsAt, endsAt, ...(location ? { location } : {}), ...(description ? { description } : {}), status, sequence }));
  }

  return {
    async registerMe({ body, principal, ctx }) {
      return ownProfileChange(async () => {
        const { profile, writes } = await ensureProfile(principal, ctx.cause.now, body.language);
        return ctx.commit({ writes, events: [] }, { statusCode: 200, body: profileView(profile) });
      });
    },

    async myNotifications({ query, principal }) {
      const page = await rangePage<NoteItem>(store, { partition: keys.user(principal.sub), prefix: keys.notePrefix, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
      const unread = await store.get<Item & { count?: number }>(keys.unread(principal.sub));
      return { statusCode: 200, body: { items: page.items.map(noteView), ...(page.cursor ? { cursor: page.cursor } : {}), unread: Math.max(0, unread?.count ?? 0) } };
    },

    async markRead({ params, principal, ctx }) {
      const key = keys.note(principal.sub, params.id);
      const note = await store.get<NoteItem>(key);
      if (!note) throw new NotFoundError(`No notification ${params.id}.`);
      if (note.readAt) return { statusCode: 200, body: noteView(note) };
      const writes: Write[] = [
        {
          item: { Update: { TableName: '', Key: key, UpdateExpression: 'SET readAt = :now', ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)', ExpressionAttributeValues: { ':now': ctx.cause.now } } },
          conflict: 'It was marked read meanwhile.',
        },
        { item: { Update: { TableName: '', Key: keys.unread(principal.sub), UpdateExpression: 'ADD #count :minus', ExpressionAttributeNames: { '#count': 'count' }, ExpressionAttributeValues: { ':minus': -1 } } }, conflict: 'unread' },
      ];
      return ctx.commit({ writes, events: [] }, { statusCode: 200, body: noteView({ ...note, readAt: ctx.cause.now }) });
    },

    async myPreferences({ principal, ctx }) {
      const { profile } = await ensureProfile(principal, ctx.cause.now);
      return { statusCode: 200, body: profile.preferences };
    },

    async setPreferences({ body, principal, ctx }) {
      return ownProfileChange(async () => {
        const { profile, writes, existing } = await ensureProfile(principal, ctx.cause.now);
        const preferences: Preferences = {
          delivery: body.delivery ?? profile.preferences.delivery,
          email: { ...profile.preferences.email, ...Object.fromEntries(Object.entries(body.email ?? {}).filter(([, on]) => on !== undefined)) },
        };
        const next: ProfileItem = { ...profile, preferences, updatedAt: ctx.cause.now, version: existing ? existing.version + 1 : profile.version };
        // A profile made just now is written with its preferences; an existing one over the version read.
        const write = existing ? profileWrite(next, existing) : profileWrite(next, undefined);
        return ctx.commit({ writes: [write, ...writes.slice(1)], events: [] }, { statusCode: 200, body: preferences });
      });
    },

    async createFeed({ principal, ctx }) {
      return ownProfileChange(async () => {
        const { profile, writes, existing } = await ensureProfile(principal, ctx.cause.now);
        const secret = randomBytes(32).toString('base64url');
        const hash = hashSecret(secret);
        const next: ProfileItem = { ...profile, feedHash: hash, updatedAt: ctx.cause.now, version: existing ? existing.version + 1 : profile.version };
        const feedWrites: Write[] = [
          existing ? profileWrite(next, existing) : profileWrite(next, undefined),
          ...writes.slice(1),
          { item: { Put: { TableName: '', Item: { ...keys.feed(hash), itemType: 'feed', sub: principal.sub, createdAt: ctx.cause.now }, ConditionExpression: 'attribute_not_exists(pk)' } }, conflict: 'feed' },
          ...(profile.feedHash ? [{ item: { Delete: { TableName: '', Key: keys.feed(profile.feedHash) } }, conflict: 'feed' }] : []),
        ];
        return ctx.commit({ writes: feedWrites, events: [] }, { statusCode: 201, body: { url: `${appUrl()}/notifications/calendar/${secret}.ics`, createdAt: ctx.cause.now } });
      });
    },

    async revokeFeed({ principal, ctx }) {
      return ownProfileChange(async () => {
        const profile = await directory.profile(principal.sub);
        if (!profile?.feedHash) return { statusCode: 204 };
        const { feedHash: _revoked, ...rest } = profile;
        const next = { ...rest, updatedAt: ctx.cause.now, version: profile.version + 1 } as ProfileItem;
        return ctx.commit({ writes: [profileWrite(next, profile), { item: { Delete: { TableName: '', Key: keys.feed(profile.feedHash) } }, conflict: 'feed' }], events: [] }, { statusCode: 204 });
      });
    },

    async calendarFeed({ params }): Promise<HttpResult> {
      const secret = params.file.slice(0, -'.ics'.length);
      const feed = await store.get<Item & { sub: string }>(keys.feed(hashSecret(secret)));
      if (!feed) throw new NotFoundError('No such calendar feed.');
      return { statusCode: 200, headers: CALENDAR_HEADERS, body: calendarFile(await calendarOf(feed.sub), 'PUBLISH', 'Five Haves') };
    },

    async eventFile({ params, principal }): Promise<HttpResult> {
      const uid = params.file.slice(0, -'.ics'.length);
      const entry = await store.get<Item & CalendarEvent>(keys.calendarEntry(principal.sub, uid));
      if (!entry) throw new NotFoundError(`No ${uid} in your calendar.`);
      const { uid: id, title, startsAt, endsAt, location, description, status, sequence } = entry;
      const event = { uid: id, title, startsAt, endsAt, ...(location ? { location } : {}), ...(description ? { description } : {}), status, sequence };
      return { statusCode: 200, headers: { ...CALENDAR_HEADERS, 'content-disposition': `attachment; filename="${uid}.ics"` }, body: calendarFile([event], 'PUBLISH') };
    },

    health: async () => {
      throw new Error('wired in handlers/http.ts');
    },
  };
}

/** A bounce or complaint: the address is never mailed again (until an operator removes the item). */
export async function suppress(store: Store, email: string, reason: string, at: string): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.suppressed(email),
        UpdateExpression: 'SET itemType = :type, email = :email, reason = :reason, suppressedAt = :at',
        ConditionExpression: 'attribute_not_exists(pk)',
        ExpressionAttributeValues: { ':type': 'suppressed', ':email': email.toLowerCase(), ':reason': reason, ':at': at },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

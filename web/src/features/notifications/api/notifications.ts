import type { paths } from '../../../api/schema';
import { allOf, api, call } from '../../../lib/api.ts';
import { currentSession } from '../../../lib/auth.ts';
import { config } from '../../../lib/config.ts';

export type Inbox = paths['/notifications/me']['get']['responses'][200]['content']['application/json'];
export type Notification = Inbox['items'][number];
export type Preferences = paths['/notifications/me/preferences']['get']['responses'][200]['content']['application/json'];
export type Kind = Notification['kind'];
export type Feed = paths['/notifications/me/calendar-feed']['post']['responses'][201]['content']['application/json'];

export const KINDS = allOf<Kind>()([
  'whistle-raised',
  'whistle-reminder',
  'whistle-escalated',
  'consent-opened',
  'consent-reminder',
  'application-screened',
  'application-hired',
  'application-not-selected',
  'booking-made',
  'booking-cancelled',
  'meeting-convened',
  'funding-request-opened',
  'decision-reminder',
]);

/** Tells the directory who the signed-in person is (from their token) and the language they read. */
export async function registerMe(language: 'zh-CN' | 'en') {
  return call(api().PUT('/notifications/me', { body: { language } }));
}

export async function inbox(cursor?: string, limit = 25): Promise<Inbox> {
  return call(api().GET('/notifications/me', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

export async function markRead(id: string): Promise<Notification> {
  return call(api().POST('/notifications/me/items/{id}/read', { params: { path: { id } } }));
}

export async function preferences(): Promise<Preferences> {
  return call(api().GET('/notifications/me/preferences'));
}

export async function savePreferences(body: Preferences): Promise<Preferences> {
  return call(api().PUT('/notifications/me/preferences', { body }));
}

export async function createFeed(): Promise<Feed> {
  return call(api().POST('/notifications/me/calendar-feed'));
}

export async function revokeFeed(): Promise<void> {
  await call(api().DELETE('/notifications/me/calendar-feed'));
}

/** One meeting or booking as an .ics file the browser saves (the download needs the session's token). */
export async function downloadEvent(uid: string): Promise<void> {
  const session = currentSession();
  const response = await fetch(`${config().apiBase}/notifications/me/calendar/${encodeURIComponent(uid)}.ics`, {
    headers: session ? { authorization: `Bearer ${session.idToken}` } : {},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/calendar' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `${uid}.ics`;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** Listeners told when the unread count may have changed (an item marked read). */
const listeners = new Set<() => void>();
export function onInboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function inboxChanged(): void {
  for (const listener of listeners) listener();
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { matches } from '../infra/local/pattern.ts';
import type { LocalCloud } from '../infra/local/runtime.ts';
import type { CapturedMail } from '../infra/local/mail.ts';
import type { BusEvent } from '../kernel/events.ts';
import { covers } from '../kernel/jurisdiction.ts';
import { eventPattern } from '../kernel/service.ts';
import type { ServiceName } from '../kernel/table.ts';
import { FIGURES } from '../services/coordination/scorecard/domain.ts';
import { services } from '../services/index.ts';
import { scanTable } from '../test/support/scan.ts';
import { recomputeScorecards, SCORECARD_EVENTS, streetsOf } from '../test/support/scorecard.ts';
import type { Acknowledged } from './api.ts';

/**
 * The promises, checked on the tables and the bus once the faults have stopped and everything has
 * drained: what is found lost or doubled is listed, one sentence each.
 *
 * - every acknowledged write (a 2xx) is in its table: history items with its correlation id and its
 *   caller as actor (or, for an answer in a saga, which keeps the asker's correlation id, its caller's
 *   items committed while it was being answered); and it was applied once: its items all come from
 *   one commit (one `occurredAt`);
 * - every history item (the outbox) reached the bus, and nothing reached the bus that is not one;
 * - every subscribed consumer applied each event it subscribes to exactly once: its inbox holds
 *   exactly the distinct events of its subscriptions, and what a service emitted in reaction to an
 *   event (its causation) comes from one commit per event type;
 * - each street's scorecard equals a plain recomputation from the distinct events on the bus.
 */
export type Item = Record<string, any> & { pk: string; sk: string };
export type Tables = Record<ServiceName, Item[]>;

export interface Findings {
  /** Distinct events (history items) the checks followed. */
  eventsChecked: number;
  acknowledged: number;
  lost: string[];
  doubled: string[];
}

/** Every item of every service table (the checks may scan; the services never do). */
export async function readTables(client: DynamoDBClient, tables: Record<string, string>): Promise<Tables> {
  const out = {} as Tables;
  const doc = DynamoDBDocumentClient.from(client);
  for (const service of services) out[service.name] = await scanTable(tables[service.name]!, doc);
  return out;
}

interface History {
  service: ServiceName;
  eventId: string;
  detailType: string;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  actorSub: string;
}

export function historyOf(tables: Tables): History[] {
  return services.flatMap((service) =>
    tables[service.name]
      .filter((item) => item.itemType === 'history')
      .map((item) => {
        const metadata = (JSON.parse(item.detail as string) as { metadata: { causationId?: string } }).metadata;
        return {
          service: service.name,
          eventId: item.eventId as string,
          detailType: item.detailType as string,
          occurredAt: item.occurredAt as string,
          correlationId: item.correlationId as string,
          ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
          actorSub: item.actorSub as string,
        };
      }),
  );
}

const eventIdOf = (event: BusEvent) => (event.detail as { metadata: { eventId: string } }).metadata.eventId;

/** True once every history item is on the bus: the relay has caught up with every table. */
export function allForwarded(tables: Tables, published: readonly BusEvent[]): boolean {
  const seen = new Set(published.map(eventIdOf));
  return historyOf(tables).every((h) => seen.has(h.eventId));
}

/** Settled: every history item is on the bus, and no queue holds a message due or in delivery. */
export async function isSettled(client: DynamoDBClient, cloud: LocalCloud, published: readonly BusEvent[]): Promise<boolean> {
  return (await cloud.bus.isDrained()) && allForwarded(await readTables(client, cloud.tables), published) && (await cloud.bus.isDrained());
}

export function check(tables: Tables, published: readonly BusEvent[], acknowledged: readonly Acknowledged[], mails: readonly CapturedMail[] = []): Findings {
  const lost: string[] = [];
  const doubled: string[] = [];
  const history = historyOf(tables);
  const distinct = new Map<string, BusEvent>();
  for (const event of published) if (!distinct.has(eventIdOf(event))) distinct.set(eventIdOf(event), event);

  // Acknowledged writes: in their table, from one commit.
  for (const ack of acknowledged) {
    if (ack.service === 'notifications') {
      // It publishes no events: a sign-in is its profile.
      if (!tables.notifications.some((item) => item.pk === `USER#${ack.sub}` && item.sk === 'PROFILE')) lost.push(`${ack.route} of ${ack.sub} was answered ${ack.status} but no profile holds it`);
      continue;
    }
    const mine = (h: History) => h.service === ack.service && h.actorSub === ack.sub;
    const own = history.filter((h) => mine(h) && h.correlationId === ack.correlationId);
    const answering = own.length > 0 || history.some((h) => mine(h) && h.occurredAt >= ack.sentAt && h.occurredAt <= ack.answeredAt);
    if (!answering) lost.push(`${ack.route} (${ack.correlationId}) was answered ${ack.status} but ${ack.service} holds no change of it`);
    const commits = new Set(own.map((h) => h.occurredAt));
    if (commits.size > 1) doubled.push(`${ack.route} (${ack.correlationId}) was committed ${commits.size} times: ${own.map((h) => h.detailType).join(', ')}`);
  }

  // The outbox: every history item on the bus, and only those.
  const historyIds = new Set(history.map((h) => h.eventId));
  for (const h of history) if (!distinct.has(h.eventId)) lost.push(`${h.detailType} ${h.eventId} of ${h.service} never reached the bus`);
  for (const [eventId, event] of distinct) if (!historyIds.has(eventId)) lost.push(`${event['detail-type']} ${eventId} is on the bus but in no table`);

  // Consumers: each subscribed event applied exactly once.
  for (const service of services) {
    if (!service.events || service.consumers.subscriptions.length === 0) continue;
    const patterns = service.consumers.subscriptions.map(eventPattern);
    const expected = [...distinct.values()].filter((event) => patterns.some((p) => matches(p, event)));
    const inbox = new Set(tables[service.name].filter((item) => item.itemType === 'inbox').map((item) => item.pk.slice('INBOX#'.length)));
    for (const event of expected) {
      if (!inbox.has(eventIdOf(event))) lost.push(`${service.name} never applied ${event['detail-type']} ${eventIdOf(event)}`);
    }
    const expectedIds = new Set(expected.map(eventIdOf));
    for (const eventId of inbox) if (!expectedIds.has(eventId)) doubled.push(`${service.name} applied ${eventId}, which is none of its subscriptions' events`);
  }
  const reactions = new Map<string, Set<string>>();
  for (const h of history) {
    if (!h.causationId) continue;
    const key = `${h.service} emitted ${h.detailType} for ${h.causationId}`;
    reactions.set(key, (reactions.get(key) ?? new Set()).add(h.occurredAt));
  }
  for (const [key, commits] of reactions) if (commits.size > 1) doubled.push(`${key} in ${commits.size} commits`);

  notificationFindings(tables.notifications, [...distinct.values()], mails, lost, doubled);

  // The scorecard: equal to a recomputation from the distinct events.
  const fed = [...distinct.values()]
    .filter((event) => SCORECARD_EVENTS.has(event['detail-type']))
    .map((event) => ({ detailType: event['detail-type'], detail: event.detail as { metadata: { eventId: string; occurredAt: string }; data: unknown } }));
  const stored = new Map(tables.coordination.filter((item) => item.itemType === 'scorecard').map((item) => [item.street as string, item]));
  const streets = [...new Set([...fed.flatMap(streetsOf), ...stored.keys()])];
  const expected = recomputeScorecards(fed, streets);
  for (const street of streets) {
    const want = expected.get(street)!;
    const have: Record<string, unknown> = stored.get(street) ?? {};
    const differing = FIGURES.filter((figure) => Number(have[figure] ?? 0) !== want[figure]);
    if (differing.length === 0) continue;
    const sentence = `the scorecard of ${street} differs from its recomputation: ${differing.map((f) => `${f} ${Number(have[f] ?? 0)} ≠ ${want[f]}`).join(', ')}`;
    (Number(have.eventsApplied ?? 0) > want.eventsApplied! ? doubled : lost).push(sentence);
  }

  return { eventsChecked: history.length, acknowledged: acknowledged.length, lost, doubled };
}

/**
 * The notifications service: every registered department user named on a whistle has its note;
 * each person's unread count is their notes (the count is written with each note, in one
 * transaction); every note's e-mail left once (the SMTP server's messages, by the note id each
 * carries), and none is left unsent.
 */
function notificationFindings(items: readonly Item[], events: readonly BusEvent[], mails: readonly CapturedMail[], lost: string[], doubled: string[]): void {
  const profiles = items.filter((item) => item.sk === 'PROFILE');
  const notes = items.filter((item) => item.itemType === 'note');
  for (const event of events.filter((e) => e['detail-type'] === 'IssueRaised')) {
    const { metadata, data } = event.detail as { metadata: { eventId: string }; data: { street: string; departments: string[] } };
    for (const department of data.departments ?? []) {
      for (const person of profiles.filter((p) => p.roles.includes('department') && p.department === department && covers(p.jurisdiction, data.street))) {
        if (!notes.some((n) => n.sub === person.sub && n.source === metadata.eventId)) lost.push(`${person.sub} was never told of IssueRaised ${metadata.eventId}`);
      }
    }
  }
  const bySub = new Map<string, number>();
  for (const note of notes) bySub.set(note.sub, (bySub.get(note.sub) ?? 0) + (note.readAt ? 0 : 1));
  for (const counter of items.filter((item) => item.sk === 'UNREAD')) {
    const sub = String(counter.pk).slice('USER#'.length);
    const want = bySub.get(sub) ?? 0;
    if (Number(counter.count) > want) doubled.push(`${sub}'s unread count is ${counter.count}, but ${want} notes are unread`);
    if (Number(counter.count) < want) lost.push(`${sub}'s unread count is ${counter.count}, but ${want} notes are unread`);
  }
  const sent = new Map<string, number>();
  for (const mail of mails) {
    const reference = mail.headers?.['x-five-haves-notification'];
    if (reference) sent.set(reference, (sent.get(reference) ?? 0) + 1);
  }
  for (const note of notes) {
    const times = sent.get(note.id) ?? 0;
    if (note.mail === 'pending' || note.mail === 'sending') lost.push(`the e-mail of note ${note.id} (${note.kind}) to ${note.sub} was never sent`);
    else if (note.mail === 'sent' && times === 0) lost.push(`note ${note.id} (${note.kind}) says sent, but the SMTP server never got it`);
    if (times > 1) doubled.push(`the e-mail of note ${note.id} (${note.kind}) to ${note.sub} was sent ${times} times`);
  }
}

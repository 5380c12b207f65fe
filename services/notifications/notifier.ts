import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryRange } from '../../kernel/bulk-read.ts';
import { ConflictError } from '../../kernel/errors.ts';
import { logger } from '../../kernel/logger.ts';
import type { Item, Store } from '../../kernel/store.ts';
import { calendarFile, type CalendarEvent } from './calendar.ts';
import { Directory, type Audience, type ProfileItem } from './directory.ts';
import { keys } from './keys.ts';
import type { MailTransport } from './mail.ts';
import { footer, render, type Facts, type Kind } from './texts.ts';

/** Something to tell: what kind, to whom, the facts of it, and the meeting or booking it is about. */
export interface Notice {
  kind: Kind;
  /** What it is told about, once per recipient: the event's id, a reminder's id. */
  source: string;
  /** When it happened (the event's time, the reminder's due time): the inbox's order. */
  at: string;
  audience: Audience[];
  facts: Facts;
  /** The web app's page about it, as a path (`/rooms/…`), where it has one. */
  link?: string;
  calendar?: CalendarEvent;
}

export type MailState = 'pending' | 'sending' | 'sent' | 'digest' | 'digested' | 'off' | 'no-address' | 'suppressed';

export interface Note {
  id: string;
  sub: string;
  kind: Kind;
  source: string;
  title: string;
  body: string;
  link?: string;
  calendarUid?: string;
  createdAt: string;
  readAt?: string;
  mail: MailState;
}

export type NoteItem = Item & Note & {
  itemType: 'note';
  email?: string;
  language: ProfileItem['language'];
  calendar?: CalendarEvent;
  leaseUntil?: string;
  sentAt?: string;
  gsi1pk?: string;
  gsi1sk?: string;
};

/** A note's id: sorts by its time, and is the same for the same (source, recipient) however often it is made. */
export function noteId(source: string, at: string, sub: string): string {
  const time = Date.parse(at).toString(36).padStart(9, '0');
  return `${time}${createHash('sha256').update(`${source}\n${sub}`).digest('base64url').slice(0, 16)}`;
}

/** How long a claimed e-mail is the claimant's before another run may take it over. */
const SEND_LEASE_MS = 2 * 60_000;
const MARK_SENT_ATTEMPTS = 8;

export interface Told {
  recipients: number;
  written: number;
  mailed: number;
}

/**
 * Tells a notice to its recipients: one note per (source, recipient), written with
 * attribute_not_exists with the unread count in one transaction, so a redelivered event, a repeated
 * tick or a concurrent copy adds nothing. Then each note's e-mail, if its recipient wants it now, is
 * claimed (pending → sending, conditional), sent and marked sent. An e-mail whose send failed goes
 * back to pending and the error is thrown (the queue redelivers, the notes are already there, the
 * e-mail is tried again); one whose sender died mid-send is taken over by the sweep when its lease ends.
 */
export class Notifier {
  readonly directory: Directory;

  constructor(
    private readonly store: Store,
    private readonly transport: () => MailTransport,
    private readonly appUrl: () => string,
  ) {
    this.directory = new Directory(store);
  }

  async tell(notice: Notice, now: string): Promise<Told> {
    const recipients = await this.directory.resolve(notice.audience);
    let written = 0;
    const toMail: NoteItem[] = [];
    for (const profile of recipients) {
      const note = await this.noteFor(notice, profile, now);
      if (await this.write(note)) written += 1;
      const stored = await this.store.get<NoteItem>(keys.note(profile.sub, note.id));
      if (stored && (stored.mail === 'pending' || stored.mail === 'sending')) toMail.push(stored);
    }
    let mailed = 0;
    for (const note of toMail) if (await this.deliver(note, now)) mailed += 1;
    return { recipients: recipients.length, written, mailed };
  }

  private async noteFor(notice: Notice, profile: ProfileItem, now: string): Promise<NoteItem> {
    const id = noteId(notice.source, notice.at, profile.sub);
    const text = render(notice.kind, notice.facts, profile.language);
    const mail: MailState = !profile.email
      ? 'no-address'
      : (await this.isSuppressed(profile.email))
        ? 'suppressed'
        : profile.preferences.email[notice.kind] === false
          ? 'off'
          : profile.preferences.delivery === 'digest'
            ? 'digest'
            : 'pending';
    return {
      ...keys.note(profile.sub, id),
      itemType: 'note',
      id,
      sub: profile.sub,
      kind: notice.kind,
      source: notice.source,
      title: text.title,
      body: text.body,
      ...(notice.link ? { link: notice.link } : {}),
      ...(notice.calendar ? { calendarUid: notice.calendar.uid, calendar: notice.calendar } : {}),
      createdAt: now,
      mail,
      ...(profile.email ? { email: profile.email } : {}),
      language: profile.language,
      ...(mail === 'pending' ? { gsi1pk: keys.pendingMail, gsi1sk: `${now}#${profile.sub}#${id}` } : {}),
      ...(mail === 'digest' ? { gsi1pk: keys.pendingDigest, gsi1sk: `${profile.sub}#${id}` } : {}),
    };
  }

  /** The note and its unread count, once: false when it was already there. */
  private async write(note: NoteItem): Promise<boolean> {
    const writes = [
      { item: { Put: { TableName: '', Item: note, ConditionExpression: 'attribute_not_exists(pk)' } }, conflict: 'exists' },
      {
        item: {
          Update: {
            TableName: '',
            Key: keys.unread(note.sub),
            UpdateExpression: 'ADD #count :one SET itemType = :type',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1, ':type': 'unread' },
          },
        },
        conflict: 'unread',
      },
    ];
    if (note.calendar) {
      writes.push({
        item: {
          Put: {
            TableName: '',
            Item: { ...keys.calendarEntry(note.sub, note.calendar.uid), itemType: 'calendar-entry', ...note.calendar },
            // A later version of the same meeting or booking (a cancellation) replaces an earlier one, never the reverse.
            ConditionExpression: 'attribute_not_exists(pk) OR #sequence < :sequence',
            ExpressionAttributeNames: { '#sequence': 'sequence' },
            ExpressionAttributeValues: { ':sequence': note.calendar.sequence },
          },
        } as never,
        conflict: 'calendar',
      });
    }
    try {
      await this.store.commit({ writes, events: [] });
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (error.message === 'calendar') {
        // The calendar holds a later version already: the note still goes in, the entry stays.
        return this.write({ ...note, calendar: undefined } as NoteItem).then((ok) => ok);
      }
      return false;
    }
  }

  /** The e-mail transport the settings name. */
  transportFor(): MailTransport {
    return this.transport();
  }

  /** The web app's origin, for links. */
  appOrigin(): string {
    return this.appUrl();
  }

  async isSuppressed(email: string): Promise<boolean> {
    return (await this.store.get(keys.suppressed(email))) !== undefined;
  }

  /** Sends one note's e-mail if it is still pending (or its sender's lease ran out); true when this call sent it. */
  async deliver(note: NoteItem, now: string): Promise<boolean> {
    const key = keys.note(note.sub, note.id);
    const claimed = await this.update(key, {
      UpdateExpression: 'SET mail = :sending, leaseUntil = :lease',
      ConditionExpression: 'mail = :pending OR (mail = :sending AND leaseUntil < :now)',
      ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':lease': new Date(Date.parse(now) + SEND_LEASE_MS).toISOString(), ':now': now },
    });
    if (!claimed) return false;
    if (!note.email || (await this.isSuppressed(note.email))) {
      await this.update(key, { UpdateExpression: 'SET mail = :suppressed REMOVE gsi1pk, gsi1sk, leaseUntil', ExpressionAttributeValues: { ':suppressed': 'suppressed' } });
      return false;
    }
    try {
      await this.transport().send({
        to: note.email,
        subject: note.title,
        text: `${note.body}\n\n${note.link ? `${this.appUrl()}${note.link}\n\n` : ''}${footer(this.appUrl(), note.language)}`,
        reference: note.id,
        ...(note.calendar ? { calendar: { filename: `${note.calendar.uid}.ics`, method: note.calendar.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST', content: calendarFile([note.calendar], note.calendar.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST') } } : {}),
      });
    } catch (error) {
      logger.warn('e-mail not sent; it stays pending', { noteId: note.id, error });
      await this.update(key, { UpdateExpression: 'SET mail = :pending REMOVE leaseUntil', ExpressionAttributeValues: { ':pending': 'pending' } });
      throw error;
    }
    // The message is out: recording that must not fail on a passing error, or the sweep would send it
    // again once the lease ends. A few tries with a short pause before giving up (then at least once, not twice).
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.update(key, {
          UpdateExpression: 'SET mail = :sent, sentAt = :now REMOVE gsi1pk, gsi1sk, leaseUntil',
          ExpressionAttributeValues: { ':sent': 'sent', ':now': now },
        });
        return true;
      } catch (error) {
        if (attempt >= MARK_SENT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  /** E-mails queued before `before` and not sent (a failed send, a sender that died): sent now. */
  async sweep(now: string, before: string, limit = 200): Promise<number> {
    const waiting = await queryRange<NoteItem>(this.store, { index: 'gsi1', partition: keys.pendingMail, below: before, maxItems: 10_000 });
    let sent = 0;
    for (const note of waiting.slice(0, limit)) {
      try {
        if (await this.deliver(note, now)) sent += 1;
      } catch {
        // Logged by deliver; the next sweep tries again.
      }
    }
    return sent;
  }

  private async update(key: { pk: string; sk: string }, update: { UpdateExpression: string; ConditionExpression?: string; ExpressionAttributeValues: Record<string, unknown> }): Promise<boolean> {
    try {
      await this.store.doc.send(new UpdateCommand({ TableName: this.store.tableName, Key: key, ...update, ...(update.ConditionExpression ? {} : { ConditionExpression: 'attribute_exists(pk)' }) }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

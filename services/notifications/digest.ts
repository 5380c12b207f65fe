import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryRange } from '../../kernel/bulk-read.ts';
import { chinaDate } from '../../kernel/calendar.ts';
import type { Store } from '../../kernel/store.ts';
import { keys } from './keys.ts';
import type { NoteItem, Notifier } from './notifier.ts';
import { digestText, footer } from './texts.ts';

/** The digest goes out from this hour of the office day (China time) on. */
export const DIGEST_HOUR = 8;

/**
 * The daily digest: from 08:00 China time, each person who chose it gets one e-mail with the notes
 * waiting for it. Once a day per person: a conditional marker `DIGEST#<date>` is claimed before the
 * send (and given back if the send fails), and each note carried leaves the digest index.
 */
export class Digests {
  constructor(
    private readonly store: Store,
    private readonly notifier: Notifier,
  ) {}

  async run(now: string): Promise<{ people: number; notes: number }> {
    const officeHour = new Date(Date.parse(now) + 8 * 3_600_000).getUTCHours();
    if (officeHour < DIGEST_HOUR) return { people: 0, notes: 0 };
    const date = chinaDate(now);
    const waiting = await queryRange<NoteItem>(this.store, { index: 'gsi1', partition: keys.pendingDigest, maxItems: 50_000 });
    const bySub = new Map<string, NoteItem[]>();
    for (const note of waiting) bySub.set(note.sub, [...(bySub.get(note.sub) ?? []), note]);
    let people = 0;
    let notes = 0;
    for (const [sub, items] of bySub) {
      const email = items[0]!.email;
      const language = items[0]!.language;
      if (!email || (await this.notifier.isSuppressed(email))) continue;
      if (!(await this.claim(sub, date, now))) continue;
      const text = digestText(items.length, date, language);
      try {
        await this.notifier.transportFor().send({
          to: email,
          subject: text.title,
          text: `${text.body}\n\n${items.map((n) => `• ${n.title}\n  ${n.body}`).join('\n\n')}\n\n${footer(this.notifier.appOrigin(), language)}`,
          reference: `digest-${sub}-${date}`,
        });
      } catch (error) {
        await this.store.doc.send(new DeleteCommand({ TableName: this.store.tableName, Key: keys.digestSent(sub, date) }));
        throw error;
      }
      for (const note of items) {
        await this.store.doc.send(
          new UpdateCommand({
            TableName: this.store.tableName,
            Key: keys.note(note.sub, note.id),
            UpdateExpression: 'SET mail = :digested, sentAt = :now REMOVE gsi1pk, gsi1sk',
            ExpressionAttributeValues: { ':digested': 'digested', ':now': now },
          }),
        );
      }
      people += 1;
      notes += items.length;
    }
    return { people, notes };
  }

  private async claim(sub: string, date: string, now: string): Promise<boolean> {
    try {
      await this.store.doc.send(new PutCommand({ TableName: this.store.tableName, Item: { ...keys.digestSent(sub, date), itemType: 'digest-sent', sentAt: now }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

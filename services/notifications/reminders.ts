import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { chinaDate, chinaMorning, subtractWorkingDays } from '../../kernel/calendar.ts';
import { rangePage } from '../../kernel/range-page.ts';
import type { Item, Store } from '../../kernel/store.ts';
import { keys } from './keys.ts';
import type { Notice, Notifier } from './notifier.ts';

/** A notice to tell at a time: kept by due time in gsi1 until told, or cancelled. */
export interface Reminder {
  id: string;
  dueAt: string;
  notice: Omit<Notice, 'source' | 'at'>;
  status: 'pending' | 'sent' | 'cancelled';
}

type ReminderItem = Item & Reminder & { itemType: 'reminder' };

/** At most this many reminders a tick tells; the rest wait for the next one (a tick every few minutes). */
const PER_TICK = 100;

/** When to remind of a deadline of a window: a third of the window before it, but no earlier than `cap` before. */
export function leadBefore(openedAt: string, dueBy: string, capMs: number): string {
  const due = Date.parse(dueBy);
  const window = due - Date.parse(openedAt);
  return new Date(due - Math.min(capMs, Math.floor(window / 3))).toISOString();
}

/** 09:00 in the offices, `days` working days before the deadline's office day. */
export function workingDaysBefore(dueBy: string, days: number): string {
  return chinaMorning(subtractWorkingDays(chinaDate(dueBy), days));
}

export class Reminders {
  constructor(
    private readonly store: Store,
    private readonly notifier: Notifier,
  ) {}

  /** Keeps a reminder, once: a second copy, or one cancelled before it was made, changes nothing. */
  async schedule(reminder: Omit<Reminder, 'status'>): Promise<boolean> {
    try {
      await this.store.doc.send(
        new PutCommand({
          TableName: this.store.tableName,
          Item: { ...keys.reminder(reminder.id), itemType: 'reminder', ...reminder, status: 'pending', gsi1pk: keys.dueReminders, gsi1sk: `${reminder.dueAt}#${reminder.id}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    // Cancelled before it was made (the answer overtook the event that asks for it): it stays
    // cancelled, but holds what it would have said, so that every delivery order ends in the same item.
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: keys.reminder(reminder.id),
          UpdateExpression: 'SET dueAt = :dueAt, notice = :notice',
          ConditionExpression: '#status = :cancelled AND attribute_not_exists(dueAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':dueAt': reminder.dueAt, ':notice': reminder.notice, ':cancelled': 'cancelled' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return false;
  }

  /**
   * No reminder any more (the department reported in, the committee decided). Kept as a cancelled
   * item even if the reminder was not made yet (the answer overtook the event that asks for it), so
   * it will not be made.
   */
  async cancel(id: string, now: string): Promise<boolean> {
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: keys.reminder(id),
          UpdateExpression: 'SET #status = :cancelled, itemType = :type, id = :id, cancelledAt = :now REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ':type': 'reminder', ':id': id, ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async reminder(id: string): Promise<Reminder | undefined> {
    return this.store.get<ReminderItem>(keys.reminder(id));
  }

  /**
   * Tells every reminder due by `now`, each once: its notes are keyed by (reminder, recipient), and
   * it leaves the due index in a conditional update (pending → sent). A tick that dies between the
   * two is made good by the next, which writes nothing twice.
   */
  async tick(now: string): Promise<{ due: number; told: number }> {
    const page = await rangePage<ReminderItem>(this.store, { index: 'gsi1', partition: keys.dueReminders, below: `${now}$`, limit: PER_TICK, ascending: true });
    let told = 0;
    for (const reminder of page.items) {
      // The index is eventually consistent: read the reminder itself before telling it.
      const current = await this.store.get<ReminderItem>(keys.reminder(reminder.id));
      if (!current || current.status !== 'pending') continue;
      await this.notifier.tell({ ...current.notice, source: `reminder:${current.id}`, at: current.dueAt }, now);
      try {
        await this.store.doc.send(
          new UpdateCommand({
            TableName: this.store.tableName,
            Key: keys.reminder(current.id),
            UpdateExpression: 'SET #status = :sent, sentAt = :now REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':sent': 'sent', ':pending': 'pending', ':now': now },
          }),
        );
        told += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    return { due: page.items.length, told };
  }
}

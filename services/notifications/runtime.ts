import { settings } from './current-settings.ts';
import { mailTransport, type MailTransport } from './mail.ts';
import { Notifier } from './notifier.ts';
import { Reminders } from './reminders.ts';
import { notificationsTable } from './table.ts';

/** One transport, with its SES client, per value of the settings (a Lambda's never change). */
let transport: { key: string; transport: MailTransport } | undefined;
function currentTransport(): MailTransport {
  const now = settings();
  const key = JSON.stringify(now);
  if (transport?.key !== key) transport = { key, transport: mailTransport(now) };
  return transport.transport;
}

export const notifier = new Notifier(notificationsTable, currentTransport, () => settings().appUrl);
export const reminders = new Reminders(notificationsTable, notifier);

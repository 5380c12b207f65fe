import { settingsFrom } from '../../kernel/config.ts';
import { mailTransport, type MailTransport } from './mail.ts';
import { Notifier } from './notifier.ts';
import { Reminders } from './reminders.ts';
import { mailSettings, type MailSettings } from './settings.ts';
import { notificationsTable } from './table.ts';

// Checked at init, as every service's settings are: a bad value fails the function before a request.
settingsFrom(mailSettings);

/**
 * The settings as the environment holds them now. Read per use rather than once, so that a host
 * which sets them after loading the module (the local runtime learns its gateway's port only once it
 * listens) is heard; a Lambda's environment never changes, so there it is the same value each time.
 */
export function settings(): MailSettings {
  return settingsFrom(mailSettings) as MailSettings;
}

let transport: { key: string; transport: MailTransport } | undefined;
function currentTransport(): MailTransport {
  const now = settings();
  const key = JSON.stringify(now);
  if (transport?.key !== key) transport = { key, transport: mailTransport(now) };
  return transport.transport;
}

export const notifier = new Notifier(notificationsTable, currentTransport, () => settings().appUrl);
export const reminders = new Reminders(notificationsTable, notifier);

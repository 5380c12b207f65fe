import { settingsFrom } from '../../kernel/config.ts';
import { mailSettings, type MailSettings } from './settings.ts';

// Checked at init, as every service's settings are: a bad value fails the function before a request.
settingsFrom(mailSettings);

/**
 * The settings as the environment holds them now. Read per use rather than once, so that a host
 * which sets them after loading the module (the local runtime learns its gateway's port only once it
 * listens) is heard; a Lambda's environment never changes, so there it is the same value each time.
 * Apart from `runtime.ts`, so that the HTTP function, which sends no mail, loads no mail transport.
 */
export function settings(): MailSettings {
  return settingsFrom(mailSettings) as MailSettings;
}

import * as z from 'zod/mini';
import type { Setting } from '../../kernel/config.ts';

/**
 * How the service sends e-mail and where its links point: declared once, set by the stack (the
 * configuration set it creates, the site's URL) and by the local runtime (its gateway's URL). Mail
 * always leaves through the SES v2 API; where that API answers is the SDK's business (its standard
 * endpoint variable, which only the local runtime sets), not a setting. The handlers read them
 * through `settingsFrom` and never ask where they run.
 */
export const mailSettings = {
  mailFrom: {
    env: 'NOTIFICATIONS_MAIL_FROM',
    schema: z.string().check(z.trim(), z.regex(/^[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/, 'an address such as Five Haves <no-reply@example.org>')),
    default: 'Five Haves <no-reply@five-haves.example>',
    description: 'the From address of every e-mail (a verified SES identity in the stack)',
  } satisfies Setting<string>,
  sesConfigurationSet: {
    env: 'NOTIFICATIONS_SES_CONFIGURATION_SET',
    schema: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -, at most 64')),
    default: 'five-haves-notifications',
    description: 'the SES configuration set every e-mail is sent with (its bounces and complaints feed the suppression list); the stack sets its own',
  } satisfies Setting<string>,
  appUrl: {
    env: 'NOTIFICATIONS_APP_URL',
    schema: z.url({ protocol: /^https?$/, message: 'an http(s) URL such as https://five-haves.example' }),
    default: 'http://localhost:3000',
    description: 'the web app\'s origin, for the links in e-mails and the calendar feed\'s URL',
  } satisfies Setting<string>,
};

export type MailSettings = { mailFrom: string; sesConfigurationSet: string; appUrl: string };

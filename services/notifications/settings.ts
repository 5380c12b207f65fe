import * as z from 'zod/mini';
import { numberText, type Setting } from '../../kernel/config.ts';

/**
 * How the service sends e-mail and where its links point: declared once, set by the stack (SES, the
 * configuration set it creates, the site's URL) and by the local runtime (its SMTP server, its
 * gateway's URL). The handlers read them through `settingsFrom` and never ask where they run.
 */
export const mailSettings = {
  mailTransport: {
    env: 'NOTIFICATIONS_MAIL_TRANSPORT',
    schema: z.enum(['ses', 'smtp']) as unknown as z.ZodMiniType<'ses' | 'smtp', string>,
    default: 'ses',
    description: '`ses` (Amazon SES v2 SendEmail, with the configuration set below) or `smtp` (the SMTP server at smtpHost:smtpPort)',
  } satisfies Setting<'ses' | 'smtp'>,
  smtpHost: {
    env: 'NOTIFICATIONS_SMTP_HOST',
    schema: z.string().check(z.trim(), z.minLength(1), z.maxLength(253)),
    default: '127.0.0.1',
    description: 'the SMTP server host, when mailTransport is smtp',
  } satisfies Setting<string>,
  smtpPort: {
    env: 'NOTIFICATIONS_SMTP_PORT',
    schema: numberText({ min: 1, max: 65535, integer: true }),
    default: '2525',
    description: 'the SMTP server port, when mailTransport is smtp (a whole number, 1 to 65535)',
  } satisfies Setting<number>,
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

export type MailSettings = { mailTransport: 'ses' | 'smtp'; smtpHost: string; smtpPort: number; mailFrom: string; sesConfigurationSet: string; appUrl: string };

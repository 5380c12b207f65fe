import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailSettings } from './settings.ts';

/** One e-mail to one person, with the calendar invitation it carries, if any. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An `.ics` (METHOD:REQUEST or CANCEL) shown by mail clients as an invitation. */
  calendar?: { filename: string; content: string; method: 'REQUEST' | 'CANCEL' | 'PUBLISH' };
  /** Our id of the notification, so a message can be traced back (`X-Five-Haves-Notification`). */
  reference: string;
}

/** The MIME message, which SES takes raw (locally it reaches the SMTP server byte for byte). */
export async function composeMail(mail: OutgoingMail, from: string): Promise<Buffer> {
  return new MailComposer({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: { 'X-Five-Haves-Notification': mail.reference },
    ...(mail.calendar
      ? { icalEvent: { filename: mail.calendar.filename, method: mail.calendar.method, content: mail.calendar.content } }
      : {}),
  })
    .compile()
    .build();
}

/**
 * SES v2 SendEmail of a raw MIME message, sent with the configuration set (whose event destination
 * carries bounces and complaints back to the suppression list) and tagged with the notification.
 */
export function sesSendEmailInput(mail: OutgoingMail, raw: Buffer, settings: Pick<MailSettings, 'mailFrom' | 'sesConfigurationSet'>): SendEmailCommandInput {
  return {
    FromEmailAddress: settings.mailFrom,
    Destination: { ToAddresses: [mail.to] },
    Content: { Raw: { Data: raw } },
    ConfigurationSetName: settings.sesConfigurationSet,
    EmailTags: [{ Name: 'notification', Value: mail.reference.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 256) }],
  };
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * SES v2 `SendEmail` of the composed message, wherever the handler runs: Amazon SES in the stack;
 * under `npm start` the local runtime's SES endpoint (infra/local/ses.ts), which the SDK finds by its
 * standard `AWS_ENDPOINT_URL_SESV2`, as it finds DynamoDB Local, and which hands the message to the
 * local SMTP server. Nothing here knows which.
 */
export function mailTransport(settings: Pick<MailSettings, 'mailFrom' | 'sesConfigurationSet'>, ses: SESv2Client = new SESv2Client({})): MailTransport {
  return {
    async send(mail) {
      const raw = await composeMail(mail, settings.mailFrom);
      await ses.send(new SendEmailCommand(sesSendEmailInput(mail, raw, settings)));
    },
  };
}

import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
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

/** The MIME message, the same bytes whichever way it leaves: SES takes it raw, SMTP as it is. */
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

/** The address inside `Name <address>`, or the text itself. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
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

/** The transport the settings declare: SES in the stack, the local runtime's SMTP server under `npm start`. */
export function mailTransport(settings: MailSettings, ses: SESv2Client = new SESv2Client({})): MailTransport {
  if (settings.mailTransport === 'ses') {
    return {
      async send(mail) {
        const raw = await composeMail(mail, settings.mailFrom);
        await ses.send(new SendEmailCommand(sesSendEmailInput(mail, raw, settings)));
      },
    };
  }
  return {
    async send(mail) {
      const raw = await composeMail(mail, settings.mailFrom);
      await sendOverSmtp({ host: settings.smtpHost, port: settings.smtpPort }, { from: addressOf(settings.mailFrom), to: [mail.to] }, raw);
    },
  };
}

/**
 * One message over one SMTP connection, with nodemailer's SMTP client alone rather than its whole
 * mailer (`createTransport` brings every transport and the well-known services: 65 KB more of the
 * function to compile at each cold start, for the one path the local runtime uses).
 */
function sendOverSmtp(server: { host: string; port: number }, envelope: { from: string; to: string[] }, raw: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const connection = new SMTPConnection({ ...server, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      connection.close();
      reject(error);
    };
    // Every error is heard (a second one after the first, or one after QUIT, would otherwise be thrown).
    connection.on('error', fail);
    connection.connect((connectError) => {
      if (connectError) return fail(connectError);
      connection.send(envelope, raw, (sendError) => {
        if (sendError) return fail(sendError);
        settled = true;
        connection.quit();
        resolve();
      });
    });
  });
}

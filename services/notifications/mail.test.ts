import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { calendarFile } from './calendar.ts';
import { composeMail, mailTransport, sesSendEmailInput } from './mail.ts';

const mail = {
  to: 'market-a@example.org',
  subject: '吹哨：D01/S03 需要 market-supervision 报到',
  text: '请在 2026-12-01 10:00 前报到。',
  reference: '0mi3x2k9qAbCdEfGhIjKlMnOp',
  calendar: {
    filename: 'meeting-1@five-haves.ics',
    method: 'REQUEST' as const,
    content: calendarFile([{ uid: 'meeting-1@five-haves', title: 'Joint meeting', startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T03:00:00.000Z', location: 'Community hall, 12 Harmony Road', status: 'CONFIRMED', sequence: 0 }], 'REQUEST'),
  },
};
const settings = { mailFrom: 'Five Haves <no-reply@five-haves.example>', sesConfigurationSet: 'five-haves-dev-notifications-mail' };

describe('SES v2 SendEmail', () => {
  it('sends the raw MIME message from the From address, to the one recipient, through the configuration set, tagged', async () => {
    const raw = await composeMail(mail, settings.mailFrom);
    const input = sesSendEmailInput(mail, raw, settings);
    expect(input).toEqual({
      FromEmailAddress: 'Five Haves <no-reply@five-haves.example>',
      Destination: { ToAddresses: ['market-a@example.org'] },
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: 'five-haves-dev-notifications-mail',
      EmailTags: [{ Name: 'notification', Value: '0mi3x2k9qAbCdEfGhIjKlMnOp' }],
    });
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.trim()).toBe(mail.text);
    expect(parsed.headers.get('x-five-haves-notification')).toBe(mail.reference);
    const invitation = parsed.attachments.find((a) => a.contentType === 'text/calendar') ?? parsed.attachments[0];
    expect(invitation!.content.toString()).toContain('UID:meeting-1@five-haves');
  });

  it('is what the transport hands the SDK: one SendEmailCommand with that input (the local runtime gets the same; infra/local/ses.test.ts)', async () => {
    const sent: unknown[] = [];
    const client = new SESv2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    // The SDK's own middleware stack, stopped before the network: the command as it would leave.
    client.middlewareStack.add(
      () => async (args) => {
        sent.push(args.input);
        return { output: { MessageId: 'm-1', $metadata: {} }, response: {} } as never;
      },
      { step: 'initialize', name: 'capture' },
    );
    await mailTransport(settings, client).send(mail);
    expect(sent).toHaveLength(1);
    const input = sent[0] as ReturnType<typeof sesSendEmailInput>;
    expect(input.ConfigurationSetName).toBe(settings.sesConfigurationSet);
    expect(input.Destination).toEqual({ ToAddresses: [mail.to] });
    expect(Buffer.from(input.Content!.Raw!.Data!).toString()).toContain('Subject: =?UTF-8?');
    expect(new SendEmailCommand(input).input).toEqual(input);
  });
});

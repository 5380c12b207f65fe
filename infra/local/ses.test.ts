import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFile } from '../../services/notifications/calendar.ts';
import { composeMail, mailTransport, sesSendEmailInput, type OutgoingMail } from '../../services/notifications/mail.ts';
import { startLocalMail, type Mailer } from './mail.ts';
import { SEND_EMAIL_PATH, SES_ENDPOINT_VARIABLE, startLocalSes, type LocalSes } from './ses.ts';

/**
 * The local SES v2 endpoint against the AWS SDK's own SES v2 client (its serializer, its signer and
 * its error parser, so the wire format is SES's), found as the handlers find it: by the SDK's
 * standard endpoint variable. What it accepts reaches the local SMTP server and its mailbox.
 */
const settings = { mailFrom: 'Five Haves <no-reply@five-haves.example>', sesConfigurationSet: 'five-haves-test-notifications-mail' };
let dataDir: string;
let mailer: Mailer;
let ses: LocalSes;
let serial = 0;
const address = (what: string) => `${what}-${(serial += 1)}@example.org`;
const mailsTo = async (to: string) => (await mailer.sent()).filter((m) => m.to === to);

const invitation = (to: string): OutgoingMail => ({
  to,
  subject: '会议邀请：联席会议 D01/S03',
  text: '请于 2026-12-03 09:00 参加联席会议。',
  reference: `note-${serial}`,
  calendar: {
    filename: 'meeting-1@five-haves.ics',
    method: 'REQUEST',
    content: calendarFile(
      [{ uid: 'meeting-1@five-haves', title: 'Joint meeting', startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T03:00:00.000Z', location: 'Community hall', status: 'CONFIRMED', sequence: 0 }],
      'REQUEST',
    ),
  },
});

/** A request as the SDK would send it (signed, so far as the endpoint looks), with any body. */
const post = async (body: string | undefined, headers: Record<string, string> = {}, path = SEND_EMAIL_PATH) => {
  const response = await fetch(ses.endpoint + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=local/20261208/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0', ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as Record<string, unknown> };
};
const base64 = (text: string) => Buffer.from(text).toString('base64');
const rawInput = (raw: string, more: Record<string, unknown> = {}) => JSON.stringify({ Content: { Raw: { Data: base64(raw) } }, ...more });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'five-haves-ses-'));
  mailer = await startLocalMail({ dataDir });
  ses = await startLocalSes({ mailer });
  // As the local runtime does before it loads the handlers.
  Object.assign(process.env, ses.env);
});
afterAll(async () => {
  await ses?.close();
  await mailer?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local SES v2 endpoint', () => {
  it("is found by the SDK's standard variable for SES v2: AWS_ENDPOINT_URL_ + its serviceId, SESV2", async () => {
    expect(SES_ENDPOINT_VARIABLE).toBe('AWS_ENDPOINT_URL_SESV2');
    const client = new SESv2Client({});
    expect(client.config.serviceId).toBe('SESv2');
    // Where the signed request went, as the SDK built it.
    const requested: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { protocol: string; hostname: string; port?: number; path: string };
        requested.push(`${request.protocol}//${request.hostname}:${request.port}${request.path}`);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'whereTo' },
    );
    // The handlers' very transport, its client made as in Lambda (no endpoint given).
    const to = address('found');
    await mailTransport(settings, client).send(invitation(to));
    const [mail] = await mailsTo(to);
    expect(mail?.subject).toBe('会议邀请：联席会议 D01/S03');
    expect(requested).toEqual([`${ses.endpoint}${SEND_EMAIL_PATH}`]);
    client.destroy();
  });

  it("takes the SDK's SendEmailCommand with the raw message, answers a MessageId, and the message arrives byte for byte, parsed with its invitation", async () => {
    const client = new SESv2Client({ endpoint: ses.endpoint });
    const to = address('invited');
    const mail = invitation(to);
    const raw = await composeMail(mail, settings.mailFrom);
    const out = await client.send(new SendEmailCommand(sesSendEmailInput(mail, raw, settings)));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.MessageId).toMatch(/^[0-9a-f]{16}-[0-9a-f-]{36}-000000$/);

    const [arrived] = await mailsTo(to);
    expect(arrived).toMatchObject({ to, from: '"Five Haves" <no-reply@five-haves.example>', subject: mail.subject, text: mail.text });
    expect(arrived!.headers['x-five-haves-notification']).toBe(mail.reference);
    const calendar = arrived!.attachments.find((a) => a.filename === 'meeting-1@five-haves.ics');
    expect(calendar?.contentType).toBe('application/ics');
    expect(calendar?.content).toContain('METHOD:REQUEST');
    expect(calendar?.content).toContain('UID:meeting-1@five-haves');
    expect(arrived!.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true);
    // The SMTP server kept the very bytes the handler composed.
    expect((await readFile(join(dataDir, 'mail', `${arrived!.id}.eml`))).equals(raw)).toBe(true);
    client.destroy();
  });

  it('sends to the message\'s own To when Destination names nobody, and from its own From without FromEmailAddress', async () => {
    const to = address('headers');
    const answer = await post(rawInput(`From: Someone <someone@example.org>\r\nTo: ${to}\r\nSubject: by the headers\r\n\r\nHello.\r\n`));
    expect(answer.status).toBe(200);
    expect((await mailsTo(to))[0]).toMatchObject({ subject: 'by the headers', from: '"Someone" <someone@example.org>' });
  });

  it('refuses what SES refuses, as SES does: 400, x-amzn-ErrorType BadRequestException, a JSON message', async () => {
    const to = address('refused');
    const message = `From: no-reply@five-haves.example\r\nTo: ${to}\r\nSubject: x\r\n\r\nx\r\n`;
    const refused = [
      ['no body', await post(undefined)],
      ['a body that is not JSON', await post('{"Content":')],
      ['a JSON array', await post('[]')],
      ['no content', await post(JSON.stringify({ Destination: { ToAddresses: [to] } }))],
      ['Simple content', await post(JSON.stringify({ Destination: { ToAddresses: [to] }, Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } } }))],
      ['Template content', await post(JSON.stringify({ Destination: { ToAddresses: [to] }, Content: { Template: { TemplateName: 't' } } }))],
      ['Raw and Simple at once', await post(JSON.stringify({ Content: { Raw: { Data: base64(message) }, Simple: {} } }))],
      ['raw data that is not base64', await post(JSON.stringify({ Content: { Raw: { Data: 'not base64!' } } }))],
      ['no recipient anywhere', await post(rawInput('From: a@example.org\r\nSubject: x\r\n\r\nx\r\n'))],
      ['no recipient, Destination empty', await post(rawInput('From: a@example.org\r\nSubject: x\r\n\r\nx\r\n', { Destination: { ToAddresses: [] } }))],
      ['a recipient that is no address', await post(rawInput(message, { Destination: { ToAddresses: ['nobody'] } }))],
      ['51 recipients', await post(rawInput(message, { Destination: { ToAddresses: Array.from({ length: 51 }, (_, i) => `p${i}@example.org`) } }))],
      ['a From that is no address', await post(rawInput(message, { FromEmailAddress: 'Five Haves' }))],
      ['a malformed configuration set', await post(rawInput(message, { ConfigurationSetName: 'no spaces allowed' }))],
      ['a tag value SES does not allow', await post(rawInput(message, { EmailTags: [{ Name: 'notification', Value: 'a.b' }] }))],
    ] as const;
    for (const [what, answer] of refused) {
      expect({ what, status: answer.status, type: answer.type }).toEqual({ what, status: 400, type: 'BadRequestException' });
      expect(typeof answer.body.message, what).toBe('string');
    }
    expect(await mailsTo(to)).toEqual([]);
    expect(await post(rawInput(message), { authorization: '' })).toMatchObject({ status: 403, type: 'MissingAuthenticationTokenException' });
    expect(await post(rawInput(message), {}, '/v2/email/templates')).toMatchObject({ status: 404, type: 'UnknownOperationException' });
  });

  it("is refused through the SDK as SES refuses: the SDK's own BadRequestException, status 400", async () => {
    const client = new SESv2Client({});
    const error = await client
      .send(new SendEmailCommand({ Destination: { ToAddresses: [address('simple')] }, Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).$metadata.httpStatusCode).toBe(400);
    expect((error as BadRequestException).message).toMatch(/Raw content only/);
    client.destroy();
  });

  it("listens where this process's previous one did, so a client made under an earlier local cloud still reaches it", async () => {
    const first = await startLocalSes({ mailer });
    const { endpoint } = first;
    await first.close();
    const second = await startLocalSes({ mailer });
    expect(second.endpoint).toBe(endpoint);
    await second.close();
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import { MAX_MESSAGE_BYTES, type Mailer } from './mail.ts';

/**
 * The SDK's own variable for the SES v2 client's endpoint: `AWS_ENDPOINT_URL_` and the client's
 * serviceId (`SESv2` in @aws-sdk/client-sesv2's runtimeConfig.shared.js) in capitals, read by
 * @smithy/core's getEndpointUrlConfig when a client makes its first request. The local runtime sets
 * it as it sets `AWS_ENDPOINT_URL_DYNAMODB`; the stack sets nothing, so Lambda's SES is the region's.
 */
export const SES_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_SESV2';

/** SendEmail's route in the SES v2 API (REST-JSON). */
export const SEND_EMAIL_PATH = '/v2/email/outbound-emails';

/** The request's JSON: the message base64 in it (a third larger) and the rest of the input. */
const MAX_BODY_BYTES = Math.ceil((MAX_MESSAGE_BYTES * 4) / 3) + 64 * 1024;
/** SES takes at most 50 recipients in one message (To, Cc and Bcc together). */
const MAX_RECIPIENTS = 50;
/** A tag's name and value, and a configuration set's name, as SES allows them. */
const TAG_TEXT = /^[A-Za-z0-9_-]{1,256}$/;
const CONFIGURATION_SET_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAILBOX = /^[^\s@<>]+@[^\s@<>]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * An SES v2 error as the REST-JSON protocol carries it: the status, `x-amzn-ErrorType` naming the
 * error (the SDK throws the class of that name) and `{"message"}`. The types and statuses are SES's
 * (BadRequestException and MessageRejected are 400); the wording of the messages is ours.
 */
class SesError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const badRequest = (message: string) => new SesError('BadRequestException', message);

export interface SendEmailInput {
  from: string;
  to: string[];
  raw: Buffer;
}

/**
 * Amazon SES v2's `SendEmail`, on this machine, for the messages the notifications service sends:
 * raw MIME content (`Content.Raw.Data`, base64 in the JSON body), with `FromEmailAddress`,
 * `Destination`, `ConfigurationSetName` and `EmailTags`, answered `200 {"MessageId"}` as SES answers.
 * What SES would refuse is refused as SES refuses it: an unsigned request (403), a body that is not
 * a JSON object, content that is missing or more than one kind, a message that is not base64 or is
 * empty, no recipient (none in Destination, none in the message's To, Cc or Bcc), more than 50, an
 * address that is not one, a malformed configuration set name or tag. Simple and Template content,
 * which SES would take, are refused too: the service sends Raw only, and this is no SES to build
 * messages. There are no configuration sets here, so any well-formed name is taken (and no bounce or
 * complaint ever comes back); the signature is required but not checked (DynamoDB Local does the same).
 *
 * An accepted message is relayed byte for byte over SMTP to the local SMTP server (`mailer.relay`),
 * to the recipients SES would send it to, from the address SES would send it from: it arrives in
 * the mailbox at `/_local/mail` as it left the handler.
 */
export function localSesHandler(mailer: Pick<Mailer, 'relay'>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const answer = (status: number, body: unknown, type?: string) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'x-amzn-RequestId': requestId,
        ...(type ? { 'x-amzn-ErrorType': type } : {}),
      });
      response.end(JSON.stringify(body));
    };
    try {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (request.method !== 'POST' || path !== SEND_EMAIL_PATH) {
        request.resume();
        throw new SesError('UnknownOperationException', `This local SES v2 endpoint answers SendEmail (POST ${SEND_EMAIL_PATH}) only, not ${request.method} ${path}.`, 404);
      }
      if (!/^AWS4-HMAC-SHA256 /.test(String(request.headers.authorization ?? ''))) {
        request.resume();
        throw new SesError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      }
      const input = await readJson(request);
      const sending = await sendEmailInput(input);
      try {
        await mailer.relay(sending.raw, { from: sending.from, to: sending.to });
      } catch (error) {
        // The SMTP server refused the message itself (a 5xx answer): SES's MessageRejected.
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new SesError('MessageRejected', `The local SMTP server refused the message: ${(error as Error).message}`);
        throw error;
      }
      // The shape of SES's ids: the time in hex, a UUID, a counter.
      answer(200, { MessageId: `${Date.now().toString(16).padStart(16, '0')}-${randomUUID()}-000000` });
    } catch (error) {
      if (error instanceof SesError) answer(error.status, { message: error.message }, error.type);
      else {
        console.error('[ses]', error);
        answer(500, { message: 'Internal failure' }, 'InternalFailure');
      }
    }
  };
}

/** The message, its sender and its recipients from a SendEmail request's JSON, or SES's refusal. */
export async function sendEmailInput(input: Record<string, unknown>): Promise<SendEmailInput> {
  const content = input.Content;
  if (!isObject(content)) throw badRequest('Content is required: Raw, Simple or Template.');
  const kinds = ['Raw', 'Simple', 'Template'].filter((kind) => content[kind] !== undefined);
  if (kinds.length !== 1) throw badRequest(`Content must have exactly one of Raw, Simple or Template, not ${kinds.length === 0 ? 'none' : kinds.join(' and ')}.`);
  if (kinds[0] !== 'Raw') throw badRequest(`This local SES endpoint takes Raw content only (the notifications service sends nothing else), not ${kinds[0]}.`);
  const data = isObject(content.Raw) ? content.Raw.Data : undefined;
  if (typeof data !== 'string' || data.length === 0) throw badRequest('Content.Raw.Data is required: the MIME message, base64.');
  if (!BASE64.test(data)) throw badRequest('Content.Raw.Data is not valid base64.');
  const raw = Buffer.from(data, 'base64');
  if (raw.length > MAX_MESSAGE_BYTES) throw new SesError('MessageRejected', `Message length is more than ${MAX_MESSAGE_BYTES} bytes long.`);

  if (input.ConfigurationSetName !== undefined && (typeof input.ConfigurationSetName !== 'string' || !CONFIGURATION_SET_NAME.test(input.ConfigurationSetName))) {
    throw badRequest('ConfigurationSetName must be 1 to 64 letters, digits, _ or -.');
  }
  if (input.EmailTags !== undefined) {
    if (!Array.isArray(input.EmailTags)) throw badRequest('EmailTags must be a list of {Name, Value}.');
    for (const tag of input.EmailTags as unknown[]) {
      const { Name: name, Value: value } = isObject(tag) ? tag : {};
      if (typeof name !== 'string' || typeof value !== 'string' || !TAG_TEXT.test(name) || !TAG_TEXT.test(value)) {
        throw badRequest(`Invalid tag ${JSON.stringify(tag)}: a tag's name and value are 1 to 256 letters, digits, _ or -.`);
      }
    }
  }

  // Destination's addresses; without any, SES sends to the message's own To, Cc and Bcc.
  const destination = input.Destination;
  if (destination !== undefined && !isObject(destination)) throw badRequest('Destination must be {ToAddresses, CcAddresses, BccAddresses}.');
  const listed = ['ToAddresses', 'CcAddresses', 'BccAddresses'].flatMap((field) => {
    const list = destination?.[field];
    if (list === undefined) return [];
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string')) throw badRequest(`Destination.${field} must be a list of addresses.`);
    return (list as string[]).map((a) => mailboxOf(a, `Destination.${field}`));
  });
  // The message's own headers, parsed only when the input leaves the recipients or the sender to them.
  let parsed: Promise<ParsedMail> | undefined;
  const headers = () => (parsed ??= simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true }));
  const to = listed.length > 0 ? listed : await headers().then((m) => [m.to, m.cc, m.bcc].flatMap(addressesOf));
  if (to.length === 0) throw badRequest('The message has no recipient: none in Destination, none in its To, Cc or Bcc header.');
  if (to.length > MAX_RECIPIENTS) throw badRequest(`Recipient count exceeds ${MAX_RECIPIENTS}.`);

  // FromEmailAddress, else the message's own From.
  if (input.FromEmailAddress !== undefined && typeof input.FromEmailAddress !== 'string') throw badRequest('FromEmailAddress must be an address.');
  const from = input.FromEmailAddress !== undefined ? mailboxOf(input.FromEmailAddress, 'FromEmailAddress') : await headers().then((m) => addressesOf(m.from)[0]);
  if (!from) throw badRequest('The message has no sender: no FromEmailAddress and no From header.');
  return { from, to, raw };
}

/** The one address in `Name <address>` or `address`, or SES's refusal. */
function mailboxOf(text: string, field: string): string {
  const parsed = addressparser(text, { flatten: true });
  const address = parsed.length === 1 ? parsed[0]!.address : '';
  if (!MAILBOX.test(address)) throw badRequest(`${field}: ${JSON.stringify(text)} is not an e-mail address.`);
  return address;
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value).flatMap((a) => [a.address ?? '', ...(a.group ?? []).map((g) => g.address ?? '')]).filter((a) => a !== '');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      throw new SesError('MessageRejected', `The request is larger than SendEmail takes (a message of at most ${MAX_MESSAGE_BYTES} bytes).`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw badRequest('The request has no body: SendEmail takes a JSON object.');
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) throw new Error('not an object');
    return parsed;
  } catch {
    throw badRequest('The request body is not a JSON object.');
  }
}

export interface LocalSes {
  /** Where the SES v2 API answers: `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** The variable the handlers' SDK reads (`AWS_ENDPOINT_URL_SESV2`), for the runtime to set. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The port the previous local SES endpoint of this process listened on. The handler modules are
 * loaded once per process, and an SDK client keeps the endpoint it found at its first request: a
 * second local cloud in one process (a test's restart, the chaos run's seeds) listens where the first
 * did, so a client made under the first still reaches it.
 */
let previousPort: number | undefined;

/** The local SES v2 endpoint on 127.0.0.1 (a free port, or `port`), relaying to the local SMTP server. */
export async function startLocalSes(options: { mailer: Pick<Mailer, 'relay'>; port?: number }): Promise<LocalSes> {
  const handle = localSesHandler(options.mailer);
  const server = createServer((request, response) => void handle(request, response));
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const wanted = options.port ?? previousPort ?? 0;
  try {
    await listen(wanted);
  } catch (error) {
    // Only the remembered port may be taken by now (by another process): then any free one.
    if (options.port !== undefined || wanted === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(0);
  }
  const port = (server.address() as AddressInfo).port;
  previousPort = port;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    env: { [SES_ENDPOINT_VARIABLE]: endpoint },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The SDK keeps its connections alive: the idle ones would hold the close open.
        server.closeIdleConnections();
      }),
  };
}

import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the local sign-in sends it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface CapturedMail extends MailMessage {
  id: number;
  sentAt: string;
  from: string;
  /** The MIME parts that were files (a calendar invitation), by name and type. */
  attachments: { filename: string; contentType: string; content: string }[];
  /** The message's own headers a reader may want (`x-five-haves-notification`). */
  headers: Record<string, string>;
}

/**
 * The local runtime's mail: a real SMTP server (`smtp-server`) on this machine, which every local
 * e-mail reaches over SMTP — the notifications service's (sent through the SES v2 API to the local
 * SES endpoint, `infra/local/ses.ts`, which relays it here) and the local sign-in's codes alike.
 * Each message is parsed (`mailparser`) and kept in the data folder (`mail/mailbox.jsonl`, the raw
 * message beside it as `mail/<id>.eml`), or in memory for `--in-memory`; `/_local/mail` lists them.
 */
export interface Mailer {
  /** The SMTP server's host and port. */
  host: string;
  port: number;
  /** Sends one message through the SMTP server, as any client would. */
  send(message: MailMessage): Promise<void>;
  /** Hands a finished MIME message, byte for byte, to the SMTP server for these envelope addresses. */
  relay(raw: Buffer, envelope: { from: string; to: string[] }): Promise<void>;
  /** What the server received, newest first. */
  sent(): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/** The largest message, SES v2's (40 MB): whatever the local SES endpoint accepts, this server takes. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

const LOCAL_FROM = 'Five Haves (local) <no-reply@five-haves.local>';

export async function startLocalMail(options: { dataDir?: string; port?: number }): Promise<Mailer> {
  const folder = options.dataDir ? join(options.dataDir, 'mail') : undefined;
  const file = folder ? join(folder, 'mailbox.jsonl') : undefined;
  const memory: CapturedMail[] = [];
  let count: number | undefined;
  // Appends are serialized: two messages at once must not take the same id.
  let writing: Promise<unknown> = Promise.resolve();

  async function all(): Promise<CapturedMail[]> {
    if (!file) return memory;
    try {
      return (await readFile(file, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as CapturedMail);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async function keep(raw: Buffer, envelopeTo: string[]): Promise<void> {
    const parsed = await simpleParser(raw);
    count ??= (await all()).length;
    count += 1;
    const toText = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? envelopeTo.join(', '));
    const mail: CapturedMail = {
      id: count,
      sentAt: new Date().toISOString(),
      from: parsed.from?.text ?? '',
      to: envelopeTo.join(', ') || toText,
      subject: parsed.subject ?? '',
      text: (parsed.text ?? '').trimEnd(),
      attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
      headers: Object.fromEntries([...parsed.headers.entries()].filter(([name]) => name.startsWith('x-')).map(([name, value]) => [name, String(value)])),
    };
    if (!file) {
      memory.push(mail);
      return;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(join(folder!, `${mail.id}.eml`), raw, { mode: 0o600 });
    await appendFile(file, `${JSON.stringify(mail)}\n`, { mode: 0o600 });
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Five Haves local mail',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const done = (writing = writing.then(() => keep(Buffer.concat(chunks), to)));
        done.then(() => callback(), (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const client = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });

  return {
    host: '127.0.0.1',
    port,
    async send(message) {
      await client.sendMail({ from: LOCAL_FROM, to: message.to, subject: message.subject, text: message.text });
    },
    async relay(raw, envelope) {
      await client.sendMail({ envelope, raw });
    },
    async sent() {
      await writing;
      return [...(await all())].reverse();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The captured mailbox as a page: every message, newest first. */
export function mailboxPage(mails: readonly CapturedMail[]): string {
  const items = mails
    .map(
      (mail) => `<article aria-labelledby="mail-${mail.id}">
  <h2 id="mail-${mail.id}">${escape(mail.subject)}</h2>
  <p>To <strong class="to">${escape(mail.to)}</strong>, <time datetime="${mail.sentAt}">${mail.sentAt}</time></p>
  <pre>${escape(mail.text)}</pre>${
    (mail.attachments ?? []).length > 0
      ? `\n  <p>Attached: ${(mail.attachments ?? []).map((a) => `<code>${escape(a.filename)}</code> (${escape(a.contentType)})`).join(', ')}</p>`
      : ''
  }
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local mailbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}article{border-top:1px solid #767676;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Local mailbox</h1><p>Every e-mail sent to the local SMTP server, newest first.</p>
${items || '<p>No mail yet.</p>'}
</main></body></html>`;
}

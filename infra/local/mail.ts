import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One e-mail as the platform sends it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface CapturedMail extends MailMessage {
  id: number;
  sentAt: string;
}

/**
 * The one way the local runtime sends e-mail. Today every message is captured in a mailbox a
 * developer reads at `/_local/mail` (kept in the data folder, or in memory for `--in-memory`); a real
 * SMTP transport can take the captured mailbox's place behind the same `send`.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** What was sent, newest first. */
  sent(): Promise<CapturedMail[]>;
}

export function capturedMailbox(options: { dataDir?: string }): Mailer {
  const file = options.dataDir ? join(options.dataDir, 'mail', 'mailbox.jsonl') : undefined;
  const memory: CapturedMail[] = [];

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

  return {
    async send(message) {
      const mail: CapturedMail = { ...message, id: (await all()).length + 1, sentAt: new Date().toISOString() };
      if (!file) {
        memory.push(mail);
        return;
      }
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(mail)}\n`, { mode: 0o600 });
    },
    async sent() {
      return [...(await all())].reverse();
    },
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
  <pre>${escape(mail.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local mailbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}article{border-top:1px solid #767676;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Local mailbox</h1><p>Every e-mail the local runtime sent, newest first.</p>
${items || '<p>No mail yet.</p>'}
</main></body></html>`;
}

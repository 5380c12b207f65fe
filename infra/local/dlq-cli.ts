import { parseArgs } from 'node:util';

const usage = `npm run dlq [-- --redrive] [--port <port>]
Lists the dead letters of the local queues of a running npm start (--redrive sends them back).
It finds that runtime by its gateway's port: --port, else PORT, else 3000, as npm start chooses
its own. When npm start runs with --port N (or PORT=N), run PORT=N npm run dlq (or npm run dlq -- --port N).`;

function parse() {
  try {
    return parseArgs({
      options: {
        redrive: { type: 'boolean', default: false },
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}
const values = parse();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const base = `http://localhost:${values.port}`;
try {
  if (values.redrive) {
    const response = await fetch(`${base}/_local/dlq/redrive`, { method: 'POST' });
    const { redriven } = (await response.json()) as { redriven: number };
    console.log(`${redriven} message(s) sent back to their queues.`);
  } else {
    const response = await fetch(`${base}/_local/dlq`);
    const { deadLetters } = (await response.json()) as {
      deadLetters: Array<{ queue: string; messageId: string; receiveCount: number; failedAt: string; event: Record<string, unknown> }>;
    };
    if (deadLetters.length === 0) console.log('No dead letters.');
    for (const letter of deadLetters) {
      console.log(
        `${letter.queue}  ${letter.messageId}  ${letter.event['detail-type']} from ${letter.event.source}  ` +
          `${letter.receiveCount} deliveries, dead since ${letter.failedAt}`,
      );
    }
    if (deadLetters.length > 0) console.log(`\nRe-drive them with: npm run dlq -- --redrive`);
  }
} catch (error) {
  const refused = (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  console.error(
    refused
      ? `Nothing answers on ${base}: start the platform with npm start first. If it runs on another port, ` +
          `give it here: PORT=<port> npm run dlq (or npm run dlq -- --port <port>).`
      : String(error),
  );
  process.exit(1);
}

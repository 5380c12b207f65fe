import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, handlerEntries, type BundleFigures } from '../bench/lib/bundles.ts';
import { apiEvent, claims } from '../bench/lib/samples.ts';
import { lambdaContext } from '../infra/local/lambda-context.ts';
import { services } from '../services/index.ts';
import { power } from './support/authority.ts';

/**
 * The lean build the stack deploys (infra/bundle/options.ts), checked for what it must leave out.
 * Sizes and times are the benchmark's business (`npm run bench`), not asserted here.
 */
let outDir: string;
let lean: BundleFigures;
let inputs: string[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'five-haves-bundle-'));
  const entry = handlerEntries().find((e) => e.name === 'authority/http')!;
  lean = await bundle(entry, 'lean', outDir);
  const meta = JSON.parse(await readFile(`${lean.file}.meta.json`, 'utf8')) as { inputs: Record<string, unknown> };
  inputs = Object.keys(meta.inputs);
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the lean bundle', () => {
  it("leaves out the SDK's default credential chain and the clients it brings (Lambda gives credentials in the environment)", () => {
    expect(inputs.some((i) => i.includes('node_modules/@aws-sdk/credential-provider-env/'))).toBe(true);
    for (const gone of ['credential-provider-node', 'credential-provider-ini', 'credential-provider-sso', 'nested-clients']) {
      expect(inputs.filter((i) => i.includes(`/@aws-sdk/${gone}/`)), gone).toEqual([]);
    }
  });

  it("leaves out the SDK's event-stream codecs (no DynamoDB operation streams events)", () => {
    expect(inputs.some((i) => i.endsWith('infra/bundle/no-event-streams.ts'))).toBe(true);
    expect(inputs.filter((i) => i.includes('/@smithy/core/dist-es/submodules/event-streams/'))).toEqual([]);
  });

  it('serves requests against DynamoDB Local with credentials from the environment alone', async () => {
    const { handler } = (await import(pathToFileURL(lean.file).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const admin = claims('bundle-admin', ['district-admin'], 'D01');
    const added = await handler(
      apiEvent({ method: 'POST', path: '/authority/powers', routeKey: 'POST /authority/powers', claims: admin, body: power('CM-0900') }),
      lambdaContext('authority-http'),
    );
    expect(added.statusCode, added.body).toBe(201);
    const read = await handler(
      apiEvent({
        method: 'GET',
        path: '/authority/powers/CM-0900',
        routeKey: 'GET /authority/powers/{code}',
        pathParameters: { code: 'CM-0900' },
      }),
      lambdaContext('authority-http'),
    );
    expect(read.statusCode, read.body).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ code: 'CM-0900', name: 'Power CM-0900' });
  });

  it('takes the ES builds of packages that ship both (mainFields module, main)', () => {
    expect(inputs.some((i) => i.includes('node_modules/@aws-sdk/client-dynamodb/dist-es/'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/@aws-sdk/client-dynamodb/dist-cjs/'))).toEqual([]);
  });

  it('the benchmark builds every function the stack deploys', () => {
    const names = handlerEntries().map((e) => e.name);
    for (const service of services) {
      expect(names).toContain(`${service.name}/http`);
      if (service.events) expect(names).toContain(`${service.name}/events`);
      for (const schedule of service.schedules ?? []) expect(names).toContain(`${service.name}/${schedule.name}`);
    }
    expect(names).toContain('outbox/enrichment');
  });
});

describe('the notifications functions', () => {
  // Every function of the service, the bounces function too (the benchmark lists the others).
  const notifications = services.find((s) => s.name === 'notifications')!;
  const entries = [
    ...handlerEntries().filter((e) => e.service === 'notifications'),
    { name: 'notifications/bounces', service: 'notifications', kind: 'events' as const, path: notifications.mail!.bounces },
  ];
  const sending = ['notifications/events', 'notifications/reminders', 'notifications/daily-digest'];

  it('carry no SMTP client: the mail-sending ones send through the SES v2 API alone, locally too (the local runtime answers it)', async () => {
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining([...sending, 'notifications/http', 'notifications/bounces']));
    for (const entry of entries) {
      const figures = await bundle(entry, 'lean', outDir);
      const meta = JSON.parse(await readFile(`${figures.file}.meta.json`, 'utf8')) as { inputs: Record<string, unknown> };
      const files = Object.keys(meta.inputs);
      expect(files.filter((i) => /\/nodemailer\/dist\/esm\/(smtp-connection|smtp-transport|smtp-pool|mailer)\//.test(i)), entry.name).toEqual([]);
      if (sending.includes(entry.name)) {
        expect(files.some((i) => i.includes('/nodemailer/dist/esm/mail-composer/')), entry.name).toBe(true);
        expect(files.some((i) => i.includes('/@aws-sdk/client-sesv2/')), entry.name).toBe(true);
      }
    }
  }, 180_000);
});

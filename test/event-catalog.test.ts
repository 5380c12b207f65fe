import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../services/index.ts';
import { breakingChanges } from '../infra/docs/compatibility.ts';
import { eventCatalog, eventsMarkdown, schemaFile, schemaText, type CatalogEvent } from '../infra/docs/event-catalog.ts';
import { breakingMessage, committedSchemaFiles, EVENTS_FILE, incompatibleEvents } from '../infra/docs/generate.ts';
import { toJsonSchema } from '../infra/docs/json-schema.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, drained, nominate, published, sagaTokens, settledAppointment } from './support/saga.ts';

/**
 * The catalog subscribers build on: one JSON Schema per event and version, generated from the event
 * definitions, committed, and never changed incompatibly under the same schemaVersion.
 */
let events: CatalogEvent[];
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

beforeAll(async () => {
  events = await eventCatalog(services);
});

describe('the event catalog', () => {
  it('has every event of every service, each with its producer and the subscriptions that consume it', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const service of services) {
      for (const subscription of service.consumers.subscriptions) {
        for (const detailType of subscription.detailTypes) {
          const event = events.find((e) => e.source === subscription.source && e.name === detailType);
          expect(event, `${subscription.name} consumes ${subscription.source} ${detailType}, which no events.ts defines`).toBeDefined();
          expect(event!.consumers).toContainEqual({ service: service.name, subscription: subscription.name });
        }
      }
    }
    for (const event of events) expect(event.source).toBe(`five-haves.${event.producer}`);
  });

  it("keeps every committed schema compatible at its version (an event without a committed schema is new)", () => {
    const breaking = incompatibleEvents(events);
    expect(breaking.length === 0, breakingMessage(breaking)).toBe(true);
    const added = events.filter((e) => !existsSync(join(REPO_ROOT, e.file))).map((e) => e.file);
    if (added.length > 0) console.info(`new events (no committed schema yet; \`npm run events\` writes them): ${added.join(', ')}`);
  });

  it('keeps the schema of every event version it ever published', () => {
    const orphans = committedSchemaFiles().filter((file) => {
      const match = /^events\/([^/]+)\/([^/]+)\.v(\d+)\.json$/.exec(file)!;
      const event = events.find((e) => e.producer === match[1] && e.name === match[2]);
      return !event || event.schemaVersion < Number(match[3]);
    });
    expect(orphans, 'schema files of events (or versions) that no service defines any more: removing an event breaks its subscribers').toEqual([]);
  });

  it('is committed up to date: the schema files and EVENTS.md', () => {
    const stale = events.filter((e) => !existsSync(join(REPO_ROOT, e.file)) || readFileSync(join(REPO_ROOT, e.file), 'utf8') !== schemaText(e));
    expect(stale.map((e) => e.file), 'run `npm run events` and commit events/ and EVENTS.md').toEqual([]);
    const markdown = existsSync(join(REPO_ROOT, EVENTS_FILE)) ? readFileSync(join(REPO_ROOT, EVENTS_FILE), 'utf8') : '';
    expect(markdown === eventsMarkdown(events), `${EVENTS_FILE} is out of date: run \`npm run events\` and commit it`).toBe(true);
  });

  it("gives every event an example its zod schema and its published JSON Schema both accept", () => {
    const failures: string[] = [];
    for (const event of events) {
      if (!event.example.valid) {
        failures.push(`${event.name}: no valid example (${event.example.problems.join(', ')}); give the field .meta({ examples: [...] })`);
        continue;
      }
      const validate = ajv.compile(event.schema);
      if (!validate(event.example.value)) failures.push(`${event.name}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the published schemas accept what the platform publishes', () => {
  let t: TestCloud;
  beforeAll(async () => {
    t = await startTestCloud({ scheduleTimers: false });
  }, 120_000);
  afterAll(() => t?.stop());

  it('every event of a granted appointment saga validates against its schema file', async () => {
    const { department, committee } = await sagaTokens(t);
    const nominated = await nominate(t, department);
    const consentCase = await consentCaseFor(t, committee, nominated.body.id);
    await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'granted', writtenOpinion: 'The committee agrees.' },
    });
    await settledAppointment(t, department, nominated.body.id);
    await published(t, 'AppointmentConfirmed', nominated.body.id);
    await drained(t);

    const seen = new Set<string>();
    const failures: string[] = [];
    for (const published of t.published) {
      const event = events.find((e) => e.source === published.source && e.name === published['detail-type'])!;
      seen.add(event.name);
      const validate = ajv.compile(event.schema);
      if (!validate(published)) failures.push(`${event.name}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
    expect([...seen]).toEqual(expect.arrayContaining(['AppointmentRequested', 'ConsentRecorded', 'AppointmentConfirmed']));
  }, 120_000);
});

describe('what counts as a breaking change', () => {
  const v1 = z.object({
    id: z.string(),
    street: z.string(),
    amountFen: z.number().check(z.int()),
    note: z.optional(z.string()),
    kind: z.enum(['a', 'b']),
  });
  const schema = (s: z.ZodMiniType) => toJsonSchema(s, 'output');
  const compare = (next: z.ZodMiniType) => breakingChanges(schema(v1), schema(next));

  it('a new optional field is compatible', () => {
    expect(compare(z.extend(v1, { extra: z.optional(z.string()) }))).toEqual([]);
  });

  it('a removed field, a retyped field, a new required field and a changed enum are breaking', () => {
    expect(compare(z.omit(v1, { note: true }))).toEqual(['note removed']);
    expect(compare(z.extend(v1, { amountFen: z.string() }))).toEqual([expect.stringMatching(/^amountFen retyped/)]);
    expect(compare(z.extend(v1, { extra: z.string() }))).toEqual(['extra newly required']);
    expect(compare(z.extend(v1, { note: z.string() }))).toEqual(['note newly required']);
    expect(compare(z.extend(v1, { kind: z.enum(['a', 'b', 'c']) }))).toEqual([expect.stringMatching(/^kind retyped/)]);
  });

  it("names the file, the change and the command in the failure", () => {
    const event = { name: 'Example', schemaVersion: 1, file: schemaFile('funding', 'Example', 1), producer: 'funding' } as CatalogEvent;
    expect(breakingMessage([{ event, changes: ['note removed'] }])).toMatch(/Example v1 .*note removed.*schemaVersion 2.*npm run events/);
  });
});

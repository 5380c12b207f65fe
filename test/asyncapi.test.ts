import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASYNCAPI_FILE, asyncApiText, messageId } from '../infra/docs/asyncapi.ts';
import { eventCatalog, type CatalogEvent } from '../infra/docs/event-catalog.ts';
import { packageVersion } from '../infra/docs/openapi.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { services } from '../services/index.ts';

/** The AsyncAPI document subscribers generate code from: valid, complete, and committed up to date. */
let events: CatalogEvent[];
let text: string;

beforeAll(async () => {
  events = await eventCatalog(services);
  text = asyncApiText(events, packageVersion());
});

describe('the AsyncAPI document', () => {
  it('is committed up to date (`npm run docs` writes it)', () => {
    const committed = existsSync(join(REPO_ROOT, ASYNCAPI_FILE)) ? readFileSync(join(REPO_ROOT, ASYNCAPI_FILE), 'utf8') : '';
    expect(committed === text, `${ASYNCAPI_FILE} is out of date: run \`npm run docs\` and commit it`).toBe(true);
  });

  it('parses with @asyncapi/parser without a single diagnostic', async () => {
    const { document, diagnostics } = await new Parser().parse(text);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document?.version()).toMatch(/^3\./);
    expect(document!.channels().all().map((c) => c.address())).toEqual(['five-haves-{stage}']);
    expect(document!.allMessages().length).toBe(events.length);
  });

  it('has each event and version as a message naming its EventBridge source and detail-type, with its schema and an example the schema accepts', async () => {
    const { document } = await new Parser().parse(text);
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const failures: string[] = [];
    for (const event of events) {
      const message = document!.components().messages().get(messageId(event));
      if (!message) {
        failures.push(`${messageId(event)}: no message`);
        continue;
      }
      const json = message.json() as Record<string, any>;
      expect(json['x-eventbridge']).toEqual({ source: event.source, detailType: event.name, schemaVersion: event.schemaVersion });
      expect(json.payload.properties.source.const).toBe(event.source);
      expect(json.payload.properties['detail-type'].const).toBe(event.name);
      const validate = ajv.compile(json.payload);
      const example = json.examples[0].payload;
      if (!validate(example)) failures.push(`${messageId(event)}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
    const operations = document!.operations().all();
    expect(operations.every((o) => o.action() === 'receive')).toBe(true);
    expect(operations.flatMap((o) => o.messages().all()).length).toBe(events.length);
  });

  it('is linked from EVENTS.md', () => {
    expect(readFileSync(join(REPO_ROOT, 'EVENTS.md'), 'utf8')).toContain('](asyncapi.json)');
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { services } from '../../services/index.ts';
import { REPO_ROOT } from '../paths.ts';
import { breakingChanges } from './compatibility.ts';
import { CATALOG_DIR, eventCatalog, eventsMarkdown, schemaText, type CatalogEvent } from './event-catalog.ts';
import type { JsonSchema } from './json-schema.ts';
import { openApiDocument, packageVersion } from './openapi.ts';
import { ASYNCAPI_FILE, asyncApiText } from './asyncapi.ts';

/**
 * `npm run openapi` writes `openapi.json`; `npm run events` writes `events/<service>/<Event>.v<n>.json`
 * `EVENTS.md` and `asyncapi.json` (AsyncAPI 3.0), after refusing any breaking change to a schema already committed at that version.
 * The tests compare these files with what would be generated now.
 */
export const OPENAPI_FILE = 'openapi.json';
export const EVENTS_FILE = 'EVENTS.md';

/** Indented by tabs, one level a character: a reviewable diff, and a file under 1 MB (by two spaces it was 1.2 MB). */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(services), null, '\t')}\n`;
}

/** Schema files under `events/`, relative to the repository root. */
export function committedSchemaFiles(root = REPO_ROOT): string[] {
  const dir = join(root, CATALOG_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((service) =>
      readdirSync(join(dir, service.name))
        .filter((file) => /\.v\d+\.json$/.test(file))
        .map((file) => `${CATALOG_DIR}/${service.name}/${file}`),
    )
    .sort();
}

/** For each current event with a committed schema at its version, the breaking changes since. */
export function incompatibleEvents(events: readonly CatalogEvent[], root = REPO_ROOT): Array<{ event: CatalogEvent; changes: string[] }> {
  return events.flatMap((event) => {
    const file = join(root, event.file);
    if (!existsSync(file)) return [];
    const committed = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
    const changes = breakingChanges(committed, event.schema);
    return changes.length > 0 ? [{ event, changes }] : [];
  });
}

export function breakingMessage(found: Array<{ event: CatalogEvent; changes: string[] }>): string {
  return found
    .map(
      ({ event, changes }) =>
        `${event.name} v${event.schemaVersion} (${event.file}) changed incompatibly: ${changes.join('; ')}. ` +
        `Give the event schemaVersion ${event.schemaVersion + 1} in contracts/${event.producer}.ts (the v${event.schemaVersion} file stays for old events), then run \`npm run events\`.`,
    )
    .join('\n');
}

function write(relative: string, text: string): boolean {
  const file = resolve(REPO_ROOT, relative);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return true;
}

async function main(what: string | undefined): Promise<number> {
  if (what === 'openapi') {
    const changed = write(OPENAPI_FILE, openApiText());
    console.log(`${OPENAPI_FILE}: ${changed ? 'written' : 'up to date'}`);
    return 0;
  }
  if (what === 'events') {
    const events = await eventCatalog(services);
    const breaking = incompatibleEvents(events);
    if (breaking.length > 0) {
      console.error(breakingMessage(breaking));
      return 1;
    }
    const invalid = events.filter((e) => !e.example.valid);
    for (const e of invalid) {
      console.warn(
        `warning: no valid example for ${e.name} (${e.example.problems.join(', ')}); give those fields .meta({ examples: [...] }) in contracts/${e.producer}.ts`,
      );
    }
    let written = 0;
    for (const event of events) if (write(event.file, schemaText(event))) written++;
    const markdown = write(EVENTS_FILE, eventsMarkdown(events));
    const asyncapi = write(ASYNCAPI_FILE, asyncApiText(events, packageVersion()));
    console.log(
      `${events.length} events: ${written} schema files written, ${EVENTS_FILE} ${markdown ? 'written' : 'up to date'}, ${ASYNCAPI_FILE} ${asyncapi ? 'written' : 'up to date'}`,
    );
    return 0;
  }
  console.error('usage: tsx infra/docs/generate.ts openapi|events');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv[2]);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventDefinition } from '../../kernel/events.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import type { ServiceName } from '../../kernel/table.ts';
import { REPO_ROOT } from '../paths.ts';
import { checkedExampleOf, EXAMPLE_INSTANT } from './examples.ts';
import { toJsonSchema, type JsonSchema } from './json-schema.ts';

/**
 * The event catalog for subscribers, generated from the event definitions (each producer's
 * `contracts/<service>.ts`) and the subscriptions: one JSON Schema per event and version under
 * `events/<service>/<EventName>.v<n>.json`, and `EVENTS.md`. `npm run events` writes both.
 */
export interface CatalogEvent {
  producer: ServiceName;
  name: string;
  source: string;
  schemaVersion: number;
  definition: EventDefinition;
  /** The doc comment above the definition in its contract module. */
  description: string;
  consumers: Array<{ service: ServiceName; subscription: string }>;
  /** Relative to the repository root. */
  file: string;
  schema: JsonSchema;
  example: { value: unknown; valid: boolean; problems: string[] };
}

export const CATALOG_DIR = 'events';
export const CATALOG_ID_BASE = 'https://five-haves.gov.example/';

export function schemaFile(producer: string, name: string, version: number): string {
  return `${CATALOG_DIR}/${producer}/${name}.v${version}.json`;
}

function isEventDefinition(value: unknown): value is EventDefinition {
  const v = value as Partial<EventDefinition> | undefined;
  return (
    typeof v === 'object' && v !== null && typeof v.source === 'string' && typeof v.detailType === 'string' &&
    typeof v.schemaVersion === 'number' && v.data !== undefined && v.detail !== undefined
  );
}

/** `/** … *\/` comments directly above `export const Name = defineEvent(`, by name. */
function docComments(file: string): Map<string, string> {
  const text = readFileSync(file, 'utf8');
  const comments = new Map<string, string>();
  for (const match of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export const (\w+)\s*=\s*defineEvent\(/g)) {
    const body = match[1]!
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter((line) => line.length > 0)
      .join(' ');
    comments.set(match[2]!, body);
  }
  return comments;
}

/** Every event of every service (by its contract module, `contracts/<service>.ts`), with who produces and who consumes it. */
export async function eventCatalog(services: readonly ServiceDefinition[]): Promise<CatalogEvent[]> {
  const events: CatalogEvent[] = [];
  for (const service of services) {
    const file = join(REPO_ROOT, 'contracts', `${service.name}.ts`);
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const comments = docComments(file);
    // By name: a module namespace's own order differs between Node and vitest's transform.
    for (const [exportName, value] of Object.entries(module).sort(([a], [b]) => a.localeCompare(b))) {
      if (!isEventDefinition(value)) continue;
      if (value.source !== `five-haves.${service.name}`) {
        throw new Error(`${exportName} in contracts/${service.name}.ts has source ${value.source}, not five-haves.${service.name}`);
      }
      const consumers = services.flatMap((s) =>
        s.consumers.subscriptions
          .filter((sub) => sub.source === value.source && sub.detailTypes.includes(value.detailType))
          .map((sub) => ({ service: s.name, subscription: sub.name })),
      );
      const schema = eventSchema(service.name, value, comments.get(exportName) ?? '');
      events.push({
        producer: service.name,
        name: value.detailType,
        source: value.source,
        schemaVersion: value.schemaVersion,
        definition: value,
        description: comments.get(exportName) ?? '',
        consumers,
        file: schemaFile(service.name, value.detailType, value.schemaVersion),
        schema,
        example: exampleEvent(value),
      });
    }
  }
  const seen = new Set<string>();
  for (const event of events) {
    const key = `${event.source} ${event.name}`;
    if (seen.has(key)) throw new Error(`${key} is defined twice`);
    seen.add(key);
  }
  return events;
}

/** The event as a rule delivers it (EventBridge's envelope), with `detail` = `{ metadata, data }`. */
function eventSchema(producer: string, definition: EventDefinition, description: string): JsonSchema {
  const detail = toJsonSchema(definition.detail, 'output');
  const metadata = (detail.properties as Record<string, JsonSchema>).metadata!;
  (metadata.properties as Record<string, JsonSchema>).schemaVersion = { type: 'integer', const: definition.schemaVersion };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${CATALOG_ID_BASE}${schemaFile(producer, definition.detailType, definition.schemaVersion)}`,
    title: `${definition.detailType} v${definition.schemaVersion}`,
    ...(description ? { description } : {}),
    type: 'object',
    properties: {
      source: { const: definition.source },
      'detail-type': { const: definition.detailType },
      detail,
    },
    required: ['source', 'detail-type', 'detail'],
  };
}

function exampleEvent(definition: EventDefinition) {
  const data = checkedExampleOf(toJsonSchema(definition.data, 'output'), (value) => definition.data.safeParse(value) as never);
  const detail = {
    metadata: {
      eventId: '01JDQ8Z3K4M5N6P7Q8R9S0T1V2',
      schemaVersion: definition.schemaVersion,
      occurredAt: EXAMPLE_INSTANT,
      correlationId: '3f1c9a52-5d0e-4c1b-9a57-2f4f1b8d6e10',
      actor: { sub: 'c7d1e2f3-0a1b-4c5d-8e9f-123456789abc', roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' },
    },
    data: data.value,
  };
  return {
    value: { source: definition.source, 'detail-type': definition.detailType, detail },
    valid: data.valid && definition.detail.safeParse(detail).success,
    problems: data.problems.map((p) => `data.${p}`),
  };
}

/** The committed schema file's text for an event (stable key order, two-space indent, final newline). */
export function schemaText(event: CatalogEvent): string {
  return `${JSON.stringify(event.schema, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// EVENTS.md

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  notes: string;
}

function typeOf(schema: JsonSchema): string {
  if ('const' in schema) return `\`${JSON.stringify(schema.const)}\``;
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' | ');
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) return options.map(typeOf).join(' or ');
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' or ') : String(schema.type ?? 'any');
  if (type === 'array') return `array of ${typeOf((schema.items ?? {}) as JsonSchema)}`;
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    const keys = (schema.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined;
    return `map${keys ? ` (${keys.map((k) => `\`${k}\``).join(', ')})` : ''} of ${typeOf(schema.additionalProperties as JsonSchema)}`;
  }
  if (schema.format) return `${type} (${String(schema.format)})`;
  return type;
}

function bounds(schema: JsonSchema): string {
  const parts: string[] = [];
  if (typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER) parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) parts.push(`at least ${schema.minLength} characters`);
  if (typeof schema.pattern === 'string' && !schema.format) parts.push(`matches \`${schema.pattern}\``);
  return parts.join(', ');
}

function fieldRows(schema: JsonSchema, prefix: string, out: FieldRow[]): FieldRow[] {
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const notes = [property.description, bounds(property)].filter(Boolean).join('; ');
    out.push({ path, type: typeOf(property), required: required.has(name), notes: String(notes) });
    if (property.type === 'object' && property.properties) fieldRows(property, path, out);
    const items = property.items as JsonSchema | undefined;
    if (property.type === 'array' && items?.type === 'object' && items.properties) fieldRows(items, `${path}[]`, out);
  }
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function eventsMarkdown(events: readonly CatalogEvent[]): string {
  const lines: string[] = [
    '# Event catalog',
    '',
    '<!-- Generated by `npm run events` from contracts/*.ts and services/*/consumers.ts. Do not edit. -->',
    '',
    'Every event the platform publishes on its EventBridge bus `five-haves-<stage>` (stack output',
    '`EventBusName`). `source` is `five-haves.<service>`, `detail-type` the event name, and `detail` is',
    '`{ "metadata": { eventId, schemaVersion, occurredAt, correlationId, causationId?, actor }, "data": { … } }`.',
    'Each event and version has a JSON Schema (2020-12) of the whole event as a rule delivers it, in',
    '[`events/`](events/). Adding a field keeps the version; removing, renaming or retyping a field, or',
    'making one required, comes with a new `schemaVersion` (and a new schema file; the old one stays).',
    'Consumers should ignore fields they do not know. How another AWS account subscribes: README,',
    '"Subscribing to events". The same events as an AsyncAPI 3 document (the bus as channel, each event and',
    'version a message with its schema and example): [`asyncapi.json`](asyncapi.json), for code generators',
    'and AsyncAPI Studio.',
    '',
    '| event | source | v | producer | consumers in the platform |',
    '|---|---|---|---|---|',
  ];
  for (const e of events) {
    const anchor = e.name.toLowerCase();
    const consumers = e.consumers.map((c) => `${c.service}`).join(', ') || '—';
    lines.push(`| [${e.name}](#${anchor}) | \`${e.source}\` | ${e.schemaVersion} | ${e.producer} | ${consumers} |`);
  }
  let current = '';
  for (const e of events) {
    if (e.producer !== current) {
      current = e.producer;
      lines.push('', `## ${current}`);
    }
    lines.push('', `### ${e.name}`, '');
    if (e.description) lines.push(e.description, '');
    lines.push(
      `- source \`${e.source}\`, detail-type \`${e.name}\`, schemaVersion ${e.schemaVersion}`,
      `- schema: [\`${e.file}\`](${e.file})`,
      `- producer: ${e.producer}`,
      `- consumers: ${e.consumers.map((c) => `${c.service} (rule \`${c.subscription}\`)`).join(', ') || 'none in the platform yet'}`,
      '',
      '| field of `data` | type | required | notes |',
      '|---|---|---|---|',
    );
    const data = ((e.schema.properties as Record<string, JsonSchema>).detail!.properties as Record<string, JsonSchema>).data!;
    for (const row of fieldRows(data, '', [])) {
      lines.push(`| \`${row.path}\` | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} | ${cell(row.notes)} |`);
    }
    lines.push('', 'Example:', '', '```json', JSON.stringify(e.example.value, null, 2), '```');
  }
  return `${lines.join('\n')}\n`;
}

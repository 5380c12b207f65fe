import type { JsonSchema } from './json-schema.ts';

/**
 * What a subscriber would notice between the committed schema of an event version and the current
 * one. Compatible: a new optional field, new descriptions or examples. Breaking (a new
 * `schemaVersion` is needed): a field removed (or renamed), retyped (type, format, const or the
 * set of enum values: a consumer that switches on the values meets one it never saw), newly
 * required (events in the archive lack it), or no longer required (consumers rely on it).
 */
export function breakingChanges(committed: JsonSchema, current: JsonSchema, path = ''): string[] {
  const changes: string[] = [];
  const where = path || '(the event)';
  if (signature(committed) !== signature(current)) {
    return [`${where} retyped: ${signature(committed)} → ${signature(current)}`];
  }
  const oldProps = (committed.properties ?? {}) as Record<string, JsonSchema>;
  const newProps = (current.properties ?? {}) as Record<string, JsonSchema>;
  const oldRequired = new Set((committed.required ?? []) as string[]);
  const newRequired = new Set((current.required ?? []) as string[]);
  for (const [name, schema] of Object.entries(oldProps)) {
    const child = path ? `${path}.${name}` : name;
    if (!(name in newProps)) {
      changes.push(`${child} removed`);
      continue;
    }
    if (oldRequired.has(name) && !newRequired.has(name)) changes.push(`${child} no longer required`);
    changes.push(...breakingChanges(schema, newProps[name]!, child));
  }
  for (const name of newRequired) {
    if (!oldRequired.has(name)) changes.push(`${path ? `${path}.` : ''}${name} newly required`);
  }
  if (isSchema(committed.items) && isSchema(current.items)) {
    changes.push(...breakingChanges(committed.items, current.items, `${path}[]`));
  }
  if (isSchema(committed.additionalProperties) && isSchema(current.additionalProperties)) {
    changes.push(...breakingChanges(committed.additionalProperties, current.additionalProperties, `${path}.*`));
  }
  const oldOptions = (committed.anyOf ?? committed.oneOf) as JsonSchema[] | undefined;
  const newOptions = (current.anyOf ?? current.oneOf) as JsonSchema[] | undefined;
  if (oldOptions && newOptions) {
    oldOptions.forEach((option, i) => changes.push(...breakingChanges(option, newOptions[i]!, `${path}|${i}`)));
  }
  return changes;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null;
}

/** The parts of a node that decide which values it takes, apart from its children. */
function signature(schema: JsonSchema): string {
  const type = [schema.type ?? 'any'].flat().map(String).sort();
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return JSON.stringify({
    type,
    ...(schema.format ? { format: schema.format } : {}),
    ...('const' in schema ? { const: schema.const } : {}),
    ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[])].map(String).sort() } : {}),
    ...(options ? { options: options.length } : {}),
    ...(isSchema(schema.items) ? { items: true } : {}),
    ...(isSchema(schema.additionalProperties) ? { map: true } : {}),
  });
}

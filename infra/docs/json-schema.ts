import * as z from 'zod/mini';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 embeds and what subscribers validate
 * events with), by zod's own `toJSONSchema`.
 *
 * - `input`: what a client may send (defaults make a field optional); `output`: what the platform
 *   sends back or publishes.
 * - Output objects are open: zod marks a plain `z.object` `additionalProperties: false` because it
 *   strips unknown keys, but for a reader of a response or an event that would make every added
 *   field a breaking change, and adding a field is compatible (DESIGN section 4). Strict objects
 *   (`z.strictObject`, which refuse unknown keys on input) stay closed.
 * - Refinements and transforms have no JSON Schema; the shape before them is documented.
 */
export function toJsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = (zodSchema as unknown as { _zod: { def: { type: string; catchall?: unknown } } })._zod.def;
      if (io === 'output' && def.type === 'object' && def.catchall === undefined) {
        delete (jsonSchema as JsonSchema).additionalProperties;
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

import * as z from 'zod/mini';
import './zod-messages.ts';

/**
 * A service's configuration, declared once in its service definition: the stack sets every declared
 * variable on the service's functions (from CDK context, else the default), the local runtime takes
 * it from its own environment, and the handlers read it through `settingsFrom`, nothing else. A value
 * that does not parse fails the function at init (and `cdk synth` before that), never a request.
 */
export interface Setting<T = unknown> {
  /** The environment variable the service's functions read. */
  env: string;
  /** From the variable's text to the value the code uses. */
  schema: z.ZodMiniType<T, string>;
  /** The text taken when the variable is unset or empty, and what the stack sets when no context does. */
  default: string;
  /** What it means and what it takes, for the README and the errors. */
  description: string;
}

/** A service's settings by name; the name is also the CDK context key's (`<service>.<name>`). */
export type Settings = Record<string, Setting>;

export type SettingValues<S extends Settings> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** A value that is not one a setting takes. The message names the variable, the value and what it wants. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
    // The message is the whole story (a value to fix), not a place in the code.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The parsed value of one setting's text; throws a ConfigurationError naming `where` the text came from. */
export function parseSetting<T>(setting: Setting<T>, text: string, where = setting.env): T {
  const result = setting.schema.safeParse(text);
  if (result.success) return result.data;
  const why = result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
  throw new ConfigurationError(`${where}=${JSON.stringify(text)} is not valid: ${why}. It takes ${setting.description}`);
}

/** Every declared setting from the environment, the default where a variable is unset or empty. */
export function settingsFrom<S extends Settings>(settings: S, env: Record<string, string | undefined> = process.env): SettingValues<S> {
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings)) {
    const text = env[setting.env];
    values[name] = parseSetting(setting, text === undefined || text.trim() === '' ? setting.default : text);
  }
  return values as SettingValues<S>;
}

// -----------------------------------------------------------------------------------------------
// Schemas of the kinds of text a setting takes.

/** A decimal number written plainly (`50`, `33.3`), within bounds; whole when `integer`. */
export function numberText(bounds: { min: number; max?: number; integer?: boolean }): z.ZodMiniType<number, string> {
  const number = bounds.integer ? z.int() : z.number();
  return z.pipe(
    z.string().check(z.trim(), z.regex(bounds.integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/, bounds.integer ? 'not a whole number' : 'not a number')),
    z.pipe(
      z.transform((text: string) => Number(text)),
      number.check(z.gte(bounds.min), ...(bounds.max === undefined ? [] : [z.lte(bounds.max)])),
    ),
  );
}

/**
 * A list of `key=value` pairs, comma-separated (`emergency=60, complex=43200`), any subset of `keys`,
 * each key once and each value parsed by `value`.
 */
export function pairsText<K extends string, V>(keys: readonly [K, ...K[]], value: z.ZodMiniType<V, string>): z.ZodMiniType<Partial<Record<K, V>>, string> {
  const pairs = z.pipe(
    z.string(),
    z.transform((text: string, ctx) => {
      const found: Partial<Record<string, string>> = {};
      for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
        const [key, ...rest] = part.split('=');
        const name = key!.trim();
        if (rest.length !== 1 || !(keys as readonly string[]).includes(name) || name in found) {
          ctx.issues.push({ code: 'custom', input: text, message: `"${part}" is not one of ${keys.join(', ')} (once each) as key=value` });
          return z.NEVER;
        }
        found[name] = rest[0]!.trim();
      }
      return found;
    }),
  );
  return z.pipe(pairs, z.partialRecord(z.enum(keys as unknown as [K, ...K[]]), value)) as unknown as z.ZodMiniType<Partial<Record<K, V>>, string>;
}

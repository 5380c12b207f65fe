import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.ts';

/** Handler paths in the service definitions are relative to the repository root. */
export { REPO_ROOT };

/**
 * How every Lambda of the platform is bundled: one description that the stack (`ServiceFunction`,
 * through NodejsFunction's esbuild) and the benchmark (`bench/`, through esbuild's API) both read, so
 * that what is measured is what is deployed.
 *
 * - ESM with top-level await and tree shaking; `module` before `main`, so packages that ship both
 *   give their ES build (the CommonJS builds cannot be tree-shaken).
 * - Some dependencies are CommonJS and call `require`, which ESM lacks: the banner defines one (the
 *   alias avoids clashing with bundled names).
 * - The AWS SDK is inside the bundle (the version the code was tested with), minus the default
 *   credential chain: Lambda provides credentials in the environment, so `credential-provider-node`
 *   is replaced by an environment-only provider (`credentials-from-env.ts`), and event-stream support,
 *   which DynamoDB never uses, by a module that refuses (`no-event-streams.ts`).
 * - An alias replaces a package path only (esbuild rewrites no relative import): nodemailer's MIME
 *   type table (`mime-funcs/mime-types.js`, 74 KB of each mail-sending function), which our messages
 *   never consult (every part they have names its content type), stays in, since nodemailer imports
 *   it as `./mime-types.js`.
 */
export const BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  banner:
    "import { createRequire as __fiveHavesCreateRequire } from 'node:module'; const require = __fiveHavesCreateRequire(import.meta.url);",
  alias: {
    '@aws-sdk/credential-provider-node': resolve(REPO_ROOT, 'infra/bundle/credentials-from-env.ts'),
    '@smithy/core/event-streams': resolve(REPO_ROOT, 'infra/bundle/no-event-streams.ts'),
  } as Record<string, string>,
} as const;

/** The same aliases as esbuild command-line arguments (what NodejsFunction passes on). */
export function aliasArgs(): Record<string, string> {
  return Object.fromEntries(Object.entries(BUNDLE.alias).map(([from, to]) => [`--alias:${from}`, to]));
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { BUNDLE, REPO_ROOT } from '../../infra/bundle/options.ts';
import { services } from '../../services/index.ts';

export interface HandlerEntry {
  /** `recruitment/http`, `recruitment/events`, `recruitment/secondment-check`, `outbox/enrichment`. */
  name: string;
  service: string;
  kind: 'http' | 'events' | 'schedule' | 'enrichment' | 'bare' | 'floor';
  /** Relative to the repository root. */
  path: string;
}

export interface BundleFigures {
  name: string;
  kind: HandlerEntry['kind'];
  file: string;
  minifiedKB: number;
  gzippedKB: number;
  /** The largest contributors, by package (or source folder), in KB of output. */
  top: Array<{ from: string; KB: number }>;
  /** The AWS SDK service clients inside (`@aws-sdk/client-dynamodb`, `@aws-sdk/client-s3` …), which name its floor. */
  clients?: string[];
}

export const BARE_HANDLER = 'bench/fixtures/bare-handler.ts';
export const SDK_FLOOR_HANDLER = 'bench/fixtures/sdk-floor-handler.ts';
/** The SDK's floor plus the kernel every HTTP function loads, serving one route. */
export const KERNEL_FLOOR_HANDLER = 'bench/fixtures/kernel-floor-handler.ts';
/** The floors of the functions that also call S3 (open data) or SES (mail): their clients alone. */
export const SDK_FLOORS_BESIDE = [
  { name: 'sdk-floor-s3', client: '@aws-sdk/client-s3', path: 'bench/fixtures/sdk-floor-s3-handler.ts' },
  { name: 'sdk-floor-ses', client: '@aws-sdk/client-sesv2', path: 'bench/fixtures/sdk-floor-ses-handler.ts' },
] as const;

/**
 * Every handler the stack deploys (from the service definitions), the outbox enrichment, a bare one,
 * the SDK's floor (the DynamoDB document client alone), the floors of the functions that also call
 * S3 or SES (those clients beside it), and the kernel's floor (an HTTP function with one route).
 */
export function handlerEntries(): HandlerEntry[] {
  const entries: HandlerEntry[] = [];
  for (const service of services) {
    entries.push({ name: `${service.name}/http`, service: service.name, kind: 'http', path: service.http });
    if (service.events) entries.push({ name: `${service.name}/events`, service: service.name, kind: 'events', path: service.events });
    for (const schedule of service.schedules ?? []) {
      entries.push({ name: `${service.name}/${schedule.name}`, service: service.name, kind: 'schedule', path: schedule.handler });
    }
  }
  entries.push({ name: 'outbox/enrichment', service: 'outbox', kind: 'enrichment', path: 'infra/outbox/enrichment.ts' });
  entries.push({ name: 'bare', service: 'bare', kind: 'bare', path: BARE_HANDLER });
  entries.push({ name: 'sdk-floor', service: 'sdk-floor', kind: 'floor', path: SDK_FLOOR_HANDLER });
  for (const floor of SDK_FLOORS_BESIDE) entries.push({ name: floor.name, service: floor.name, kind: 'floor', path: floor.path });
  entries.push({ name: 'kernel-floor', service: 'kernel-floor', kind: 'floor', path: KERNEL_FLOOR_HANDLER });
  return entries;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Where an input file's bytes come from: its npm package, or its folder in this repository. */
function origin(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1]!;
  const parts = relative(REPO_ROOT, input).split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
}

function topContributors(metafile: Metafile, count = 8): BundleFigures['top'] {
  const output = Object.values(metafile.outputs)[0]!;
  const byOrigin = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const from = origin(input);
    byOrigin.set(from, (byOrigin.get(from) ?? 0) + bytesInOutput);
  }
  return [...byOrigin.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([from, bytes]) => ({ from, KB: kb(bytes) }));
}

/** The naive build's `import { z } from 'zod/mini'` (the whole namespace object, so nothing of zod is shaken off). */
const namedZodImport: Plugin = {
  name: 'named-zod-import',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/import \* as z from '(zod(?:\/mini)?)';/g, "import { z } from '$1';"), loader: 'ts' };
    });
  },
};

/**
 * Builds a handler as the stack does (`lean`: infra/bundle/options.ts) or the naive way (`naive`:
 * CommonJS, esbuild's default main fields for node, the SDK's default credential chain,
 * `import { z }`), and returns its figures.
 */
export async function bundle(entry: HandlerEntry, variant: 'lean' | 'naive', outDir: string): Promise<BundleFigures> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${entry.name.replace('/', '--')}.${variant}.${variant === 'lean' ? 'mjs' : 'cjs'}`);
  const common = {
    entryPoints: [join(REPO_ROOT, entry.path)],
    bundle: true,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    metafile: true,
    outfile: file,
    logLevel: 'error' as const,
    absWorkingDir: REPO_ROOT,
  };
  const result =
    variant === 'lean'
      ? await build({
          ...common,
          format: BUNDLE.format,
          mainFields: [...BUNDLE.mainFields],
          banner: { js: BUNDLE.banner },
          alias: BUNDLE.alias,
        })
      : await build({ ...common, format: 'cjs', plugins: [namedZodImport] });
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(file);
  await writeFile(`${file}.meta.json`, JSON.stringify(result.metafile));
  return {
    name: entry.name,
    kind: entry.kind,
    file,
    minifiedKB: kb(bytes.length),
    gzippedKB: kb(gzipSync(bytes).length),
    top: topContributors(result.metafile!),
    clients: sdkClients(result.metafile!),
  };
}

function sdkClients(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs)[0]!;
  const clients = new Set(Object.keys(output.inputs).map((input) => /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(input)?.[1]).filter((c) => c !== undefined));
  return [...clients].sort();
}

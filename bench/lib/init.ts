import { spawnSync } from 'node:child_process';
import { SERVICES, tableEnvVar } from '../../kernel/table.ts';
import { median, shuffled } from './stats.ts';

/** What a function's environment holds at init in the stack (tables, region, credentials, logger). */
export function lambdaLikeEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    POWERTOOLS_SERVICE_NAME: 'bench',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    ...Object.fromEntries(SERVICES.map((service) => [tableEnvVar(service), `five-haves-bench-${service}`])),
  };
}

/** One fresh `node` process that loads `file` (its init) and exits; the wall time in ms. */
function runOnce(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: lambdaLikeEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

export interface InitVariant {
  /** `bare node`, or a bundle's name and variant. */
  label: string;
  file?: string;
}

/**
 * Init time of each variant: a fresh process that imports the bundle, minus a bare `node -e 0`,
 * median of `runs`. Every round runs all variants (and the bare node) in a new random order, so
 * that the machine's noise falls on all of them alike.
 */
export function measureInit(variants: readonly InitVariant[], runs: number): Map<string, { medianMs: number; overBareMs: number }> {
  const samples = new Map<string, number[]>([['bare node', []]]);
  for (const variant of variants) samples.set(variant.label, []);
  const all: InitVariant[] = [{ label: 'bare node' }, ...variants];
  for (let round = 0; round < runs; round++) {
    for (const variant of shuffled(all)) {
      samples.get(variant.label)!.push(runOnce(variant.file ? [variant.file] : ['-e', '0']));
    }
  }
  const bare = median(samples.get('bare node')!);
  const out = new Map<string, { medianMs: number; overBareMs: number }>();
  for (const [label, values] of samples) {
    const m = median(values);
    out.set(label, { medianMs: m, overBareMs: m - bare });
  }
  return out;
}

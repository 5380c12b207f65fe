import { spawn, spawnSync } from 'node:child_process';
import { SERVICES, tableEnvVar } from '../../kernel/table.ts';
import { median, shuffled } from './stats.ts';

/** What a function's environment holds at init in the stack (tables, region, credentials, logger). */
export function lambdaLikeEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    // The stack runs Node.js 22, where the SDK says nothing at a client's creation; on this machine's
    // Node 20 it prints a notice about Node 22 to stderr from every function's first client, which is
    // no part of a Lambda's init (and varies with how fast the terminal or pipe takes it).
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
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

/** Whether valgrind is on this machine (it is on every kind here; elsewhere the instruction counts are left out). */
export function hasValgrind(): boolean {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Instructions a `node` process executes under callgrind: the count it prints at exit. */
function instructionsOf(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], {
      env: lambdaLikeEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const count = /Collected : (\d+)/.exec(stderr)?.[1];
      if (code !== 0 || !count) reject(new Error(`callgrind of node ${args.join(' ')} failed (exit ${code}): ${stderr.slice(-500)}`));
      else resolve(Number(count));
    });
  });
}

/**
 * Init as instructions rather than time: each bundle imported by a fresh `node` under callgrind, the
 * instructions counted, minus those of the bare handler's bundle (Node itself and loading a module
 * file). Unlike a wall-clock time on a shared virtual machine, the count does not depend on what else
 * the machine is doing (it moves by about 1 % between runs: the garbage collector's and the compiler
 * threads' timing), so it is the figure to compare a change by. Each bundle `runs` times, the median;
 * two at a time (one a core). In millions.
 */
export async function measureInstructions(variants: readonly InitVariant[], bareFile: string, runs: number): Promise<Map<string, number>> {
  const all: InitVariant[] = [{ label: 'bare', file: bareFile }, ...variants];
  const jobs = all.flatMap((variant) => Array.from({ length: runs }, () => variant));
  const counts = new Map<string, number[]>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const variant = jobs[next++]!;
      const count = await instructionsOf([variant.file!]);
      counts.set(variant.label, [...(counts.get(variant.label) ?? []), count]);
    }
  };
  await Promise.all([worker(), worker()]);
  const bare = median(counts.get('bare')!);
  return new Map(variants.map((v) => [v.label, (median(counts.get(v.label)!) - bare) / 1e6]));
}

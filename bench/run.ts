/**
 * `npm run bench` (`-- --quick` for a quick look): what a Lambda user waits on and pays for, measured
 * on this machine: bundle sizes, init, warm overhead, load through the local gateway, and scale.
 * Writes bench/results.json and bench/RESULTS.md. A benchmark, not a test: it asserts nothing; it
 * compares with the targets and says where each stands.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/bundle/options.ts';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { bundle, handlerEntries, type BundleFigures } from './lib/bundles.ts';
import type { CostFigures } from './lib/cost/summary.ts';
import { hasValgrind, measureInit, measureInstructions } from './lib/init.ts';
import { report, type Results } from './lib/report.ts';
import { round } from './lib/stats.ts';
import { measureWebFirstLoad } from './lib/web.ts';

const quick = process.argv.includes('--quick');
const outDir = join(REPO_ROOT, 'bench', '.out');
const log = (line: string) => console.log(`[bench] ${line}`);

async function phase(name: string, env: Record<string, string>): Promise<any> {
  const file = join(outDir, `${name}.json`);
  const started = Date.now();
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  let result: ReturnType<typeof spawnSync>;
  try {
    result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/phase.ts'), name, file], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, BENCH_DYNAMODB_ENDPOINT: dynamo.endpoint, POWERTOOLS_LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    await dynamo.stop();
  }
  if (result.status !== 0) throw new Error(`phase ${name} failed (exit ${result.status})`);
  log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * The cost phase: every route and every consumer reaction, counted and priced (bench/cost/measure.ts,
 * run by vitest with the tests' setup, since it calls the routes through the security matrix's
 * fixtures). Its DynamoDB Local is the test setup's own, on a free port.
 */
function costPhase(): CostFigures & { failures: string[] } {
  const file = join(outDir, 'cost.json');
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/cost/vitest.config.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BENCH_COST_OUT: file, BENCH_QUICK: quick ? '1' : '0', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`phase cost failed (exit ${result.status})`);
  log(`cost: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `-- --report`: write RESULTS.md again from results.json (after a change to the report alone). */
async function rewriteReport(): Promise<void> {
  const results = JSON.parse(await readFile(join(REPO_ROOT, 'bench', 'results.json'), 'utf8')) as Results;
  await writeFile(join(REPO_ROOT, 'bench', 'RESULTS.md'), report(results));
  log('bench/RESULTS.md written again from bench/results.json');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const { bundles, init } = await bundlesAndInit();

  // Each phase on a DynamoDB Local of its own, fresh and in memory: what one phase wrote (the warm
  // phase's tens of thousands of items) would otherwise slow the next one's writes.
  const common = { BENCH_QUICK: quick ? '1' : '0' };
  const warm = await phase('warm', { ...common, BENCH_STAGE: 'bench-warm', BENCH_LEAN_HTTP_BUNDLE: bundles.find((b) => b.name === 'authority/http')!.file });
  const scale = await phase('scale', { ...common, BENCH_STAGE: 'bench-scale' });
  const gateway = await phase('gateway', { ...common, BENCH_STAGE: 'bench-gateway' });
  log('cost: every route and every consumer reaction, counted and priced');
  const cost = costPhase();
  log("web: the job board's first load in headless Chromium");
  // Optional: without a Chromium the rest of the benchmark still stands.
  const web = await measureWebFirstLoad({ runs: quick ? 3 : 10, log }).catch((error: unknown) => {
    log(`web: not measured (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  });

  const results: Results = {
    date: startedAt.toISOString(),
    quick,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGB: round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
      java: javaVersion(),
      loadAverageAtStart: loadavg().map(round),
    },
    bundles,
    init,
    warm,
    gateway,
    scale,
    cost,
    ...(web ? { web } : {}),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  };
  await writeFile(join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(REPO_ROOT, 'bench', 'RESULTS.md'), report(results));
  log(`done in ${results.seconds} s: bench/results.json, bench/RESULTS.md`);
}

/** Every handler bundled as the stack builds it and the naive way, and each bundle's init. */
async function bundlesAndInit(): Promise<Pick<Results, 'bundles' | 'init'>> {
  log('bundles, as the stack builds them and the naive way');
  const entries = handlerEntries();
  const lean = new Map<string, BundleFigures>();
  const naive = new Map<string, BundleFigures>();
  for (const entry of entries) {
    lean.set(entry.name, await bundle(entry, 'lean', outDir));
    if (entry.kind !== 'bare' && entry.kind !== 'floor') naive.set(entry.name, await bundle(entry, 'naive', outDir));
  }

  const runs = quick ? 5 : 20;
  log(`init: ${runs} interleaved rounds of ${lean.size + naive.size + 1} processes`);
  const initEntries = entries.filter((e) => !quick || ['http', 'bare', 'floor'].includes(e.kind));
  const init = measureInit(
    initEntries.flatMap((e) => [
      { label: `${e.name} lean`, file: lean.get(e.name)!.file },
      ...(naive.has(e.name) ? [{ label: `${e.name} naive`, file: naive.get(e.name)!.file }] : []),
    ]),
    runs,
  );
  // The same init as instructions (deterministic), where valgrind is; BENCH_INSTRUCTIONS=0 leaves it out.
  const counting = process.env.BENCH_INSTRUCTIONS !== '0' && hasValgrind();
  const instructions = counting
    ? await (async () => {
        const counted = initEntries.filter((e) => e.kind !== 'bare');
        log(`init as instructions: ${counted.length} bundles under callgrind, ${quick ? 1 : 3} runs each, two at a time`);
        return measureInstructions(counted.map((e) => ({ label: e.name, file: lean.get(e.name)!.file })), lean.get('bare')!.file, quick ? 1 : 3);
      })()
    : undefined;
  return {
    bundles: entries.map((e) => ({ ...lean.get(e.name)!, naiveMinifiedKB: naive.get(e.name)?.minifiedKB, naiveGzippedKB: naive.get(e.name)?.gzippedKB })),
    init: {
      runs,
      bareNodeMs: round(init.get('bare node')!.medianMs),
      handlers: initEntries.map((e) => ({
        name: e.name,
        leanOverBareMs: round(init.get(`${e.name} lean`)!.overBareMs),
        naiveOverBareMs: naive.has(e.name) ? round(init.get(`${e.name} naive`)!.overBareMs) : undefined,
        ...(instructions?.has(e.name) ? { leanInstructionsM: round(instructions.get(e.name)!) } : {}),
      })),
    },
  };
}

function javaVersion(): string {
  // `java -version` writes to stderr.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return (result.stderr || result.stdout || 'unknown').split('\n')[0]!.trim();
}

/**
 * `-- --phase=gateway` (or warm, scale, cost, init: the bundles and their init): that phase alone, its figures printed; nothing else
 * measured, and results.json and RESULTS.md left as they are unless `--merge`. With
 * `BENCH_ROUTES=issues,sites` the gateway phase loads only the routes whose path contains one of them.
 */
async function onePhase(name: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const load = loadavg().map(round);
  const env: Record<string, string> = { BENCH_QUICK: quick ? '1' : '0', BENCH_STAGE: `bench-${name}` };
  if (name === 'warm') {
    const entry = handlerEntries().find((e) => e.name === 'authority/http')!;
    env.BENCH_LEAN_HTTP_BUNDLE = (await bundle(entry, 'lean', outDir)).file;
  }
  const figures = name === 'cost' ? costPhase() : name === 'init' ? await bundlesAndInit() : await phase(name, env);
  console.log(JSON.stringify(figures, null, 2));
  if (!process.argv.includes('--merge')) return;
  // `--merge`: the phase's figures replace its part of results.json, noted as measured apart.
  const file = join(REPO_ROOT, 'bench', 'results.json');
  const results = JSON.parse(await readFile(file, 'utf8')) as Results;
  if (name === 'init') Object.assign(results, figures);
  else (results as unknown as Record<string, unknown>)[name] = figures;
  results.remeasured = [...(results.remeasured ?? []).filter((r) => r.phase !== name), { phase: name, date: new Date().toISOString(), loadAverageAtStart: load, quick }];
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(REPO_ROOT, 'bench', 'RESULTS.md'), report(results));
  log(`${name}: merged into bench/results.json and bench/RESULTS.md`);
}

const only = process.argv.find((a) => a.startsWith('--phase='))?.slice('--phase='.length);
await (process.argv.includes('--report') ? rewriteReport() : only ? onePhase(only) : main());

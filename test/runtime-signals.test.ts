import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentsOf, PID_FILE } from '../infra/local/dynamodb-local.ts';
import { waitFor } from '../infra/local/wait.ts';
import { testStage } from './setup/context.ts';
import { processesNaming, startRuntimeProcess, type RuntimeProcess } from './support/runtime-process.ts';

/**
 * However `npm start` ends, no DynamoDB Local outlives it. The real runtime runs in a child process
 * that starts its own DynamoDB Local (under its watchdog) with its tables in one data folder; each
 * test ends it one way, waits until no process of the run is left (Java, the watchdog, the runtime,
 * npm: every process whose arguments name the folder), and starts the runtime again on the same
 * folder, which must start cleanly and answer. That runtime is the one the next test ends.
 */
/** Generous: "gone" is waited for, not slept for, so a quick machine does not wait it out. */
const GONE_WITHIN_MS = 30_000;
const START_MS = 120_000;

let dataDir: string;
let runtime: RuntimeProcess | undefined;
const figures: string[] = [];

const start = (via: 'node' | 'npm' = 'node') =>
  startRuntimeProcess({ dataDir, stage: testStage(), via, group: true, timeoutMs: START_MS });

/** Ends the run with `end`; how long until none of its processes was left (ms). */
async function endedBy(label: string, end: () => void): Promise<number> {
  const began = Date.now();
  end();
  await waitFor(`no process naming ${dataDir} to be left`, async () => ((await processesNaming(dataDir)).length === 0 ? true : undefined), {
    timeoutMs: GONE_WITHIN_MS,
    intervalMs: 50,
  });
  const ms = Date.now() - began;
  figures.push(`${label} ${(ms / 1000).toFixed(2)} s`);
  return ms;
}

/** The public catalog: the gateway, the handler and DynamoDB Local all answer. */
async function answers(r: RuntimeProcess): Promise<number> {
  return (await fetch(`${r.url}/authority/powers`)).status;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'five-haves-signals-'));
  runtime = await start();
}, START_MS);

afterAll(async () => {
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  console.log(`DynamoDB Local and every process of the run gone after: ${figures.join('; ')}`);
});

describe('no DynamoDB Local outlives npm start', () => {
  it('Ctrl-C (SIGINT to the process group) leaves no process behind, and the next start on the folder works', async () => {
    await endedBy('Ctrl-C', () => runtime!.signal('SIGINT', { group: true }));
    runtime = await start();
    expect(await answers(runtime)).toBe(200);
  }, START_MS + GONE_WITHIN_MS);

  it('SIGTERM to the runtime leaves no process behind, and the next start on the folder works', async () => {
    await endedBy('SIGTERM', () => runtime!.signal('SIGTERM'));
    runtime = await start();
    expect(await answers(runtime)).toBe(200);
  }, START_MS + GONE_WITHIN_MS);

  it('SIGHUP (the terminal closed) leaves no process behind, and the next start on the folder works', async () => {
    await endedBy('SIGHUP', () => runtime!.signal('SIGHUP'));
    runtime = await start();
    expect(await answers(runtime)).toBe(200);
  }, START_MS + GONE_WITHIN_MS);

  it('the runtime killed by SIGKILL leaves no process behind, and the next start on the folder works', async () => {
    await endedBy('SIGKILL of the runtime', () => runtime!.signal('SIGKILL'));
    runtime = await start('npm');
    expect(await answers(runtime)).toBe(200);
  }, START_MS + GONE_WITHIN_MS);

  it('SIGTERM to npm alone (as `timeout 600 npm start` sends it) leaves no process behind, and the next start works', async () => {
    expect((await argumentsOf(runtime!.pid))?.[0]).toMatch(/^npm/);
    await endedBy('SIGTERM to npm', () => runtime!.signal('SIGTERM'));
    runtime = await start();
    expect(await answers(runtime)).toBe(200);
  }, START_MS + GONE_WITHIN_MS);

  it('a DynamoDB Local left holding the folder (its watchdog killed too) is stopped by the next start, which says so', async () => {
    const pids = JSON.parse(await readFile(join(dataDir, 'dynamodb', PID_FILE), 'utf8')) as { java: number; watchdog: number };
    process.kill(pids.watchdog, 'SIGKILL');
    runtime!.signal('SIGKILL');
    await runtime!.exited;
    expect((await processesNaming(dataDir)).map((p) => p.pid)).toEqual([pids.java]);

    runtime = await start();
    expect(runtime.lines.join('\n')).toContain(`Stopped DynamoDB Local (pid ${pids.java},`);
    expect((await processesNaming(dataDir)).map((p) => p.pid)).not.toContain(pids.java);
    expect(await answers(runtime)).toBe(200);
  }, START_MS + GONE_WITHIN_MS);
});

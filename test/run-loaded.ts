import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/paths.ts';

/**
 * `npm run test:loaded [-- vitest arguments]`: the test suite (or the files named) with two busy loops
 * competing for the cores, as on a machine that is doing other work. No test may depend on how fast
 * the machine is; this is the proof. The loops run at the suite's own priority; they stop whatever
 * happens: when vitest ends, when this runner is interrupted, and, should this runner die without a
 * word (SIGKILL), by themselves, since each watches a pipe only this runner holds. Exit code: vitest's.
 */
const LOOPS = 2;

/** A core kept busy in slices of 50 ms; between them it sees its pipe close and exits. */
const BUSY_LOOP = `
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
(function spin() { const until = Date.now() + 50; while (Date.now() < until); setImmediate(spin); })();
`;

const loops: ChildProcess[] = Array.from({ length: LOOPS }, () =>
  spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: ['pipe', 'ignore', 'inherit'] }),
);
const stopLoops = () => {
  for (const loop of loops) {
    loop.stdin?.end();
    loop.kill('SIGKILL');
  }
};
process.once('exit', stopLoops);

const args = process.argv.slice(2);
console.log(`test:loaded: ${LOOPS} busy loops on ${availableParallelism()} cores, then vitest run ${args.join(' ')}`.trim());
const started = Date.now();
const vitest = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
// A Ctrl-C reaches vitest itself (same process group); a signal sent to this runner alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (vitest.exitCode === null) vitest.kill(signal);
  });
}
vitest.once('exit', (code, signal) => {
  stopLoops();
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`test:loaded: vitest ${signal ? `ended by ${signal}` : `exited ${code}`} after ${seconds} s with ${LOOPS} busy loops beside it`);
  process.exit(code ?? 1);
});

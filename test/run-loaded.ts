import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/paths.ts';

/**
 * `npm run test:loaded [-- vitest arguments]`: the whole suite, exactly `npm test` (the type checks,
 * vitest, the browser journeys), or with arguments vitest alone on the files named, with two busy
 * loops competing for the cores, as on a machine that is doing other work. No test may depend on how
 * fast the machine is; this is the proof. The loops run at the suite's own priority; they stop
 * whatever happens: when the suite ends, when this runner is interrupted, and, should this runner die
 * without a word (SIGKILL), by themselves, since each watches a pipe only this runner holds. Exit
 * code: the suite's.
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
// No arguments: the README's test command itself, so the loaded run is the same suite as a quiet one.
const [command, commandArgs, label] = args.length
  ? [process.execPath, [join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], `vitest run ${args.join(' ')}`]
  : ['npm', ['test'], 'npm test'];
console.log(`test:loaded: ${LOOPS} busy loops on ${availableParallelism()} cores, then ${label}`);
const started = Date.now();
const suite = spawn(command, commandArgs, { cwd: REPO_ROOT, stdio: 'inherit' });
// A Ctrl-C reaches the suite itself (same process group); a signal sent to this runner alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (suite.exitCode === null) suite.kill(signal);
  });
}
suite.once('exit', (code, signal) => {
  stopLoops();
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`test:loaded: ${label} ${signal ? `ended by ${signal}` : `exited ${code}`} after ${seconds} s with ${LOOPS} busy loops beside it`);
  process.exit(code ?? 1);
});

// @ts-check
/**
 * DynamoDB Local's keeper: `node dynamodb-watchdog.mjs <pid file or -> <java's working dir> <java args…>`.
 *
 * The runtime that starts DynamoDB Local cannot always stop it: a SIGKILL (or an OOM kill, or a crash
 * of Node itself) runs no handler. So the runtime does not start Java itself but this process, with
 * a pipe on its stdin that only the runtime holds. The kernel closes that pipe when the runtime ends,
 * however it ends, and this process then stops Java (SIGTERM, SIGKILL after a grace period) and exits.
 * No polling: the end of the pipe is an event. The runtime's orderly stop is the same: it closes the
 * pipe and waits for this process to exit.
 *
 * Plain JavaScript with no imports but Node's, so that it starts at once and cannot fail to load.
 * While Java runs, the pid file (in the data folder) names Java, this process and the runtime, so that
 * a start after a crash that took this process too can find a DynamoDB Local left behind.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

const STOP_GRACE_MS = 5_000;
const [pidFile, cwd, ...javaArgs] = process.argv.slice(2);
if (!pidFile || !cwd || javaArgs.length === 0) {
  process.stderr.write('usage: node dynamodb-watchdog.mjs <pid file or -> <working dir> <java args…>\n');
  process.exit(2);
}

// Java's output goes straight to the runtime, which reads it (a failed bind, a start failure).
const java = spawn('java', javaArgs, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

java.once('error', (error) => {
  process.stderr.write(`${/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' ? 'JAVA_NOT_FOUND' : error.message}\n`);
  process.exit(127);
});
java.once('spawn', () => {
  if (pidFile !== '-') {
    const record = { java: java.pid, watchdog: process.pid, runtime: process.ppid, startedAt: new Date().toISOString() };
    writeFileSync(pidFile, `${JSON.stringify(record)}\n`);
  }
});
java.once('exit', (code, signal) => {
  if (pidFile !== '-') rmSync(pidFile, { force: true });
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});

function stop() {
  if (stopping) return;
  stopping = true;
  if (java.exitCode !== null || java.signalCode !== null) return;
  java.kill('SIGTERM');
  setTimeout(() => java.kill('SIGKILL'), STOP_GRACE_MS).unref();
}

// The runtime is gone (or asks for the stop): nothing else ever arrives on this pipe.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(signal, stop);

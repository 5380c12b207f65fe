import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infra/local/paths.ts';

/** The local runtime as `npm start` runs it, in a process of its own that a test can kill outright. */
export interface RuntimeProcess {
  url: string;
  /** Everything it printed so far (stdout and stderr), line by line. */
  lines: string[];
  /** SIGKILL: no shutdown hook runs, nothing is flushed; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the runtime's own orderly stop. */
  stop(): Promise<void>;
}

/**
 * Starts infra/local/start.ts in a child process, against an already running DynamoDB Local, on a
 * free port, keeping its stream positions, queues and issuer key in `dataDir`. Node runs the file
 * itself (`--import tsx`), not the tsx CLI, so that a SIGKILL reaches the runtime and leaves no
 * process behind. Resolves once the banner names the gateway's address.
 */
export async function startRuntimeProcess(options: {
  dataDir: string;
  stage: string;
  dynamoEndpoint: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RuntimeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'infra/local/start.ts'),
      '--port',
      '0',
      '--data-dir',
      options.dataDir,
      '--dynamodb-endpoint',
      options.dynamoEndpoint,
      '--stage',
      options.stage,
      // The API's runtime alone: the web app's build and sign-in are the browser tests' (web/e2e).
      '--no-web',
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let up = false;
    const timer = setTimeout(() => fail(new Error('the runtime did not print its address in time')), options.timeoutMs ?? 90_000);
    function fail(error: Error) {
      if (up) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${lines.slice(-30).join('\n')}`));
    }
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const line of parts) {
          lines.push(line);
          const address = /^\s+API\s+(http:\/\/\S+)/.exec(line);
          if (address && !up) {
            up = true;
            clearTimeout(timer);
            resolve(address[1]!);
          }
        }
      });
    }
    child.once('exit', (code, signal) => fail(new Error(`the runtime exited (${signal ?? code}) before it was up`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, lines, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

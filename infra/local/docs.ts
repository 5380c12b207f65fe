import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { openApiDocument } from '../docs/openapi.ts';

/**
 * The API reference the local gateway serves: the OpenAPI document at `/openapi.json`, built from
 * the route tables it routes by, and Redoc at `/docs`. Redoc's standalone bundle comes from the
 * pinned `@redocly/cli` in node_modules (the linter ships it); nothing is fetched from a network.
 */
export interface DocsResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Redoc's standalone ES module inside @redocly/cli (the same file its `build-docs` imports). */
export function redocBundlePath(): string | undefined {
  try {
    const cli = dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json'));
    const file = join(cli, 'lib', 'chunks', 'redoc.standalone.js');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Five Haves API</title>
  <style>body { margin: 0; }</style>
</head>
<body>
  <div id="redoc"></div>
  <script type="module" src="/docs/init.js"></script>
</body>
</html>
`;

const INIT = `import { init } from '/docs/redoc.standalone.js';
const spec = await (await fetch('/openapi.json')).json();
init(spec, { disableTelemetry: true, hideDownloadButtons: false }, document.getElementById('redoc'));
`;

/**
 * The page may load only what this gateway serves: Redoc's bundle links a logo on Redocly's CDN,
 * which the browser refuses instead of fetching. Styles are inline (styled-components); search
 * runs in a blob: worker.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function docsRoutes(services: readonly ServiceDefinition[]): (method: string, path: string) => DocsResponse | undefined {
  let document: string | undefined;
  let bundle: Buffer | undefined;
  return (method, path): DocsResponse | undefined => {
    if (method !== 'GET') return undefined;
    if (path === '/openapi.json') {
      document ??= JSON.stringify(openApiDocument(services));
      return { status: 200, headers: { 'content-type': 'application/json' }, body: document };
    }
    if (path === '/docs' || path === '/docs/') {
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: PAGE };
    }
    if (path === '/favicon.ico') return { status: 204, headers: {}, body: '' };
    if (path === '/docs/init.js') {
      return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: INIT };
    }
    if (path === '/docs/redoc.standalone.js') {
      const file = redocBundlePath();
      if (!file) {
        return {
          status: 503,
          headers: { 'content-type': 'text/plain' },
          body: 'Redoc is not installed: run npm ci (it comes with the dev dependency @redocly/cli).',
        };
      }
      bundle ??= readFileSync(file);
      return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' }, body: bundle };
    }
    return undefined;
  };
}

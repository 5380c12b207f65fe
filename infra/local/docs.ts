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
 * Redoc's sidebar says "API docs by" with Redocly's logo, an image on Redocly's CDN, which this
 * page's CSP refuses (an error in the browser's console). The bundle is served with those two
 * addresses pointing at this gateway instead, which draws the same attribution as a small SVG: the
 * credit stays, and the page loads nothing from elsewhere.
 */
const REDOCLY_LOGOS: Record<string, { path: string; width: number }> = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': { path: '/docs/redocly-logo-full.svg', width: 72 },
  'https://cdn.redoc.ly/redoc/logo-mini.svg': { path: '/docs/redocly-logo.svg', width: 20 },
};

function attribution(width: number): string {
  const text = width > 20 ? 'Redocly' : 'R';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="Redocly"><text x="0" y="15" font-family="sans-serif" font-size="14" font-weight="600" fill="#ff5c00">${text}</text></svg>`;
}

/**
 * Redoc's search first tries to build its index in a worker, whose code it compiles with `Function`
 * (eval): under this page's CSP that is refused, and though Redoc then indexes in the page, the
 * refusal is an error in the console. The probe is answered "no worker" instead, which is what it
 * found anyway, without an eval to refuse.
 */
const SEARCH_WORKER_PROBE = /try\{return (\w+)\._factory\?\?=Function\([\w$]+\),!0\}catch\{return!1\}/g;

/** Redoc's bundle as this page serves it: the logo from this gateway, search without the eval probe. */
function localBundle(file: string): string {
  let text = readFileSync(file, 'utf8');
  for (const [remote, { path }] of Object.entries(REDOCLY_LOGOS)) text = text.replaceAll(remote, path);
  return text.replace(SEARCH_WORKER_PROBE, 'return!1');
}

/**
 * The page may load only what this gateway serves, and evaluates no strings as code. Styles are
 * inline (styled-components).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function docsRoutes(services: readonly ServiceDefinition[]): (method: string, path: string) => DocsResponse | undefined {
  let document: string | undefined;
  let bundle: string | undefined;
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
    const logo = Object.values(REDOCLY_LOGOS).find((candidate) => candidate.path === path);
    if (logo) {
      return { status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' }, body: attribution(logo.width) };
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
      bundle ??= localBundle(file);
      return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' }, body: bundle };
    }
    return undefined;
  };
}

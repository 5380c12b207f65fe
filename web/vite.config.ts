import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The catalogs (web/src/i18n/*.json) compiled at build time to react-intl's message ASTs, so the
 * app ships without the ICU message parser (react-intl's "no-parser" build): a third less of
 * react-intl in the first page. A message that does not parse fails the build.
 */
function precompiledCatalogs(): Plugin {
  return {
    name: 'five-haves:precompiled-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]i18n[\\/][^\\/]+\.json$/.test(id)) return null;
      const catalog = JSON.parse(code) as Record<string, string>;
      // Still JSON: Vite's own JSON plugin makes the module of it.
      return { code: JSON.stringify(Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, parse(message)]))), map: null };
    },
  };
}

/**
 * The web app: a static single-page app built to dist/web, which `npm start` serves beside the API
 * and the stack uploads to its bucket. Each page is its own chunk (React.lazy), so the first page
 * carries only React, the shell and that page.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [precompiledCatalogs(), react()],
  resolve: {
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No inline script: the CSP allows scripts from the site only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { BUNDLE } from '../infra/bundle/options.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { cycles, folderOf, importEdges } from './support/imports.ts';

/**
 * The folders' dependencies, from the import statements: services talk through contracts, never
 * through each other's code, and no folder depends on itself in a circle.
 */
const SOURCE = ['kernel', 'contracts', 'services', 'infra', 'test', 'bench', 'chaos'];
const edges = importEdges(REPO_ROOT, SOURCE);

describe('the import graph', () => {
  it('has no file under services/<a>/ that imports a file under services/<b>/ (tests included)', () => {
    const crossing = edges
      .filter((e) => e.from.split('/').length > 2 && e.from.startsWith('services/') && e.to.startsWith('services/'))
      .filter((e) => folderOf(e.from) !== folderOf(e.to))
      .map((e) => `${e.from} → ${e.to}`);
    expect(crossing, 'a service reads another only through its contract (contracts/<producer>.ts)').toEqual([]);
  });

  it('has contracts that import the kernel and each other only: schemas and types, no service code', () => {
    const outside = edges
      .filter((e) => e.from.startsWith('contracts/'))
      .filter((e) => !e.to.startsWith('kernel/') && !e.to.startsWith('contracts/'))
      .map((e) => `${e.from} → ${e.to}`);
    expect(outside).toEqual([]);
  });

  it('has a kernel that imports nothing of the services, the contracts or the infrastructure', () => {
    const outward = edges
      .filter((e) => e.from.startsWith('kernel/') && !/\.test\.ts$/.test(e.from))
      .filter((e) => !e.to.startsWith('kernel/'))
      .map((e) => `${e.from} → ${e.to}`);
    expect(outward).toEqual([]);
  });

  it('has declarations (route tables, consumer tables, service definitions) that import no store, table or handler', () => {
    const declaration = /^services\/.+\/(routes|consumers|service)\.ts$/;
    const implementation = /(^|\/)(store|table|stored)\.ts$|\/handlers\//;
    const offending = edges.filter((e) => declaration.test(e.from) && implementation.test(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(offending, 'a declaration names schemas and vocabulary; the SDK stays out of the stack and the docs (test/declarations.test.ts)').toEqual([]);
  });

  it('has no cycle between folders (services/<name>, contracts, kernel, infra/<part>) in production code', () => {
    const production = importEdges(REPO_ROOT, ['kernel', 'contracts', 'services', 'infra'], { production: true });
    const circles = cycles(production.map((e) => ({ from: folderOf(e.from), to: folderOf(e.to) })));
    expect(circles).toEqual([]);
  });

  it('keeps the mail transport (the MIME composer, SES and SMTP clients) out of the notifications HTTP function, which sends no mail', async () => {
    // Bundled as the stack bundles it: every byte of a bundle is compiled at a cold start, and the
    // composer alone is 138 KB.
    const result = await build({
      entryPoints: [join(REPO_ROOT, 'services/notifications/handlers/http.ts')],
      bundle: true,
      write: false,
      metafile: true,
      outfile: join(REPO_ROOT, 'cdk.out/architecture-test.mjs'),
      platform: BUNDLE.platform,
      format: BUNDLE.format,
      target: BUNDLE.target,
      mainFields: [...BUNDLE.mainFields],
      alias: BUNDLE.alias,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('services/notifications/handlers/http.ts');
    expect(inputs.filter((file) => /services\/notifications\/mail\.ts$|node_modules\/(nodemailer|@aws-sdk\/client-sesv2)\//.test(file))).toEqual([]);
  });

  it('has no cycle between the kernel\'s own files (each piece stands on the ones below it)', () => {
    const kernel = importEdges(REPO_ROOT, ['kernel'], { production: true }).filter((e) => e.to.startsWith('kernel/'));
    expect(cycles(kernel)).toEqual([]);
  });

  it('has one place each service makes its DynamoDB client: its table.ts (the fault injector instruments those, from the runtime)', () => {
    const production = importEdges(REPO_ROOT, ['services'], { production: true }).map((e) => e.from);
    const makers = [...new Set(production)]
      .filter((file) => /new Store\(|createDocumentClient\(|new DynamoDBClient\(/.test(readFileSync(join(REPO_ROOT, file), 'utf8')))
      .filter((file) => !/^services\/[^/]+\/table\.ts$/.test(file));
    expect(makers).toEqual([]);
    const kernel = readFileSync(join(REPO_ROOT, 'kernel/store.ts'), 'utf8');
    expect(kernel, 'no registry of clients for a test seam in production code').not.toMatch(/WeakRef|instrument/i);
  });

  it('finds the cycles and crossings it looks for (the reader of the graph itself)', () => {
    const sample = [
      { from: 'services/a/x.ts', to: 'services/b/y.ts' },
      { from: 'services/b/y.ts', to: 'services/a/z.ts' },
      { from: 'kernel/k.ts', to: 'kernel/l.ts' },
    ];
    expect(cycles(sample.map((e) => ({ from: folderOf(e.from), to: folderOf(e.to) })))).toEqual([['services/a', 'services/b']]);
    expect(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }])).toEqual([['a', 'b', 'c']]);
    expect(edges.some((e) => e.from === 'services/premises/consumers.ts' && e.to === 'contracts/coordination.ts')).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

describe("the web app's API types", () => {
  it('web/src/api/schema.d.ts is what `npm run web:types` makes of openapi.json (regenerate and commit it)', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'web-types-')), 'schema.d.ts');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), 'openapi.json', '-o', fresh], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    expect(readFileSync(join(ROOT, 'web', 'src', 'api', 'schema.d.ts'), 'utf8') === readFileSync(fresh, 'utf8')).toBe(true);
  }, 60_000);
});

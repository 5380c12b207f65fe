import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../infra/paths.ts';
import { SERVICES } from '../kernel/table.ts';

/**
 * A service's declaration (its route table, consumer table and service definition) is data: the
 * stack, the docs generator and the local runtime read it without running the service. So it loads
 * in a fresh process where the AWS SDK cannot be loaded at all; the handlers it names can not.
 */
function loadWithoutSdk(modules: string[]): { loaded: string[]; failed: Array<{ module: string; error: string }> } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--import', './test/support/declarations/no-sdk.mjs', 'test/support/declarations/load.ts', ...modules],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
  );
  return JSON.parse(out) as ReturnType<typeof loadWithoutSdk>;
}

const declarations = SERVICES.flatMap((service) =>
  ['service.ts', 'routes.ts', 'consumers.ts'].map((file) => `services/${service}/${file}`).filter((file) => existsSync(join(REPO_ROOT, file))),
);

describe('the service declarations', () => {
  it('load without @aws-sdk/*: every service definition, route table and consumer table, and the list of services', () => {
    expect(declarations).toHaveLength(SERVICES.length * 3);
    const result = loadWithoutSdk(['services/index.ts', ...declarations]);
    expect(result.failed).toEqual([]);
    expect(result.loaded).toHaveLength(declarations.length + 1);
  }, 90_000);

  it('are checked by a process that really cannot load the SDK (a store, a handler fail there)', () => {
    const result = loadWithoutSdk(['kernel/store.ts', 'services/premises/handlers/events.ts']);
    expect(result.loaded).toEqual([]);
    expect(result.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(/@aws-sdk\/.* may not be loaded here/),
      expect.stringMatching(/@aws-sdk\/.* may not be loaded here/),
    ]);
  }, 90_000);
});

/**
 * `npm run chaos -- --seeds 200` (or `-- --seed N` to replay one, `--probability 0.1`, `--first N`):
 * the platform's promise — a change once acknowledged is never lost and never applied twice,
 * whatever crashes and whenever — checked under injected faults, seed by seed (chaos/seed.ts), on
 * its own DynamoDB Local in memory. Prints one line per seed and the totals; a failing seed prints
 * what was lost, doubled or stuck and the command that replays it. Exit code 1 if any seed failed.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// Before any handler module is imported: quiet handlers, and no notice about the SDK's next Node version.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '20' },
    seed: { type: 'string' },
    first: { type: 'string', default: '1' },
    probability: { type: 'string', default: '0.1' },
  },
});

const { ensureDynamoDbLocal, localAwsEnv, startDynamoDbLocal } = await import('../infra/local/dynamodb-local.ts');
const { FAULT_KINDS } = await import('../infra/local/faults.ts');
const { ok, runSeed } = await import('./seed.ts');

const probability = Number(values.probability);
const seeds = values.seed !== undefined ? [Number(values.seed)] : Array.from({ length: Number(values.seeds) }, (_, i) => Number(values.first) + i);
if (seeds.some((s) => !Number.isInteger(s)) || !(probability >= 0 && probability <= 1)) {
  console.error('usage: npm run chaos -- [--seeds N] [--first N] [--seed N] [--probability P]');
  process.exit(2);
}

await ensureDynamoDbLocal();
const dynamo = await startDynamoDbLocal({ inMemory: true });
Object.assign(process.env, localAwsEnv(dynamo.endpoint));
const dataDir = await mkdtemp(join(tmpdir(), 'five-haves-chaos-'));
const started = Date.now();
const totals = { seeds: 0, failed: [] as number[], events: 0, acknowledged: 0, lost: 0, doubled: 0, stuck: 0, deadLetters: 0, faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<string, number> };

try {
  for (const seed of seeds) {
    const report = await runSeed({ seed, probability, dynamoEndpoint: dynamo.endpoint, stage: 'chaos', dataDir });
    totals.seeds += 1;
    totals.events += report.eventsChecked;
    totals.acknowledged += report.acknowledged;
    totals.lost += report.lost.length;
    totals.doubled += report.doubled.length;
    totals.stuck += report.stuck.length;
    totals.deadLetters += report.deadLetters;
    for (const [kind, n] of Object.entries(report.faults)) totals.faults[kind]! += n;
    const injected = Object.values(report.faults).reduce((a, b) => a + b, 0);
    console.log(
      `seed ${seed}: ${ok(report) ? 'ok' : 'FAILED'}  ${report.flows} flows, ${report.acknowledged} acknowledged writes, ${report.eventsChecked} events, ` +
        `${injected} faults, ${report.retriedAnswers} 5xx retried, ${report.deadLetters} dead letters re-driven, ${(report.ms / 1000).toFixed(1)} s`,
    );
    if (!ok(report)) {
      totals.failed.push(seed);
      for (const line of report.lost) console.log(`  lost: ${line}`);
      for (const line of report.doubled) console.log(`  doubled: ${line}`);
      for (const line of report.stuck) console.log(`  stuck: ${line}`);
      console.log(`  replay: npm run chaos -- --seed ${seed}${values.probability !== '0.1' ? ` --probability ${values.probability}` : ''}`);
    }
  }
} finally {
  await dynamo.stop();
}

const faultLine = Object.entries(totals.faults).map(([kind, n]) => `${kind} ${n}`).join(', ');
console.log(
  `\nchaos: ${totals.seeds} seeds at fault probability ${probability} in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
    `faults injected: ${faultLine}; ${totals.acknowledged} acknowledged writes and ${totals.events} events checked; ` +
    `lost ${totals.lost}, doubled ${totals.doubled}, stuck ${totals.stuck}; ${totals.deadLetters} dead letters re-driven`,
);
if (totals.failed.length > 0) {
  console.log(`failed seeds: ${totals.failed.join(', ')}`);
  process.exit(1);
}

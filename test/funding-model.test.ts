import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../kernel/auth.ts';
import { Store } from '../kernel/store.ts';
import { FundingRequested } from '../contracts/coordination.ts';
import { CATEGORIES, type Category } from '../services/funding/budgets/domain.ts';
import { BudgetStore } from '../services/funding/budgets/store.ts';
import { handler as eventsHandler } from '../services/funding/handlers/events.ts';
import { handler as httpHandler } from '../services/funding/handlers/http.ts';
import { PoolStore } from '../services/funding/pools/store.ts';
import { ProjectStore } from '../services/funding/projects/store.ts';
import { RequestStore } from '../services/funding/requests/store.ts';
import { routes } from '../services/funding/routes.ts';
import { testTable } from './setup/context.ts';
import { askingEvent, deliver, invoke, type HttpFunction } from './support/funding.ts';

/**
 * The ledger against a model, with fast-check's model-based testing: every run is a fresh budget
 * and pool (a street of its own, so no fresh table), then up to 50 commands, each one operation or
 * a batch of 2–4 operations from concurrent callers (allocate, disburse, adjust, approve a project,
 * delegate it to its town, complete a milestone, decide a request). The operations go through the funding Lambda's very
 * handlers in this process, against DynamoDB Local.
 *
 * A single operation's answer must be what the model predicts (2xx, or 409 and nothing changed).
 * A concurrent batch must be linearizable: some order of its operations, applied to the model one
 * by one, must predict every answer exactly. After each run the stored accounts must equal the
 * model's, no balance may be negative, and every total must equal the sum of its parts.
 */
const RUNS = Number(process.env.FUNDING_MODEL_RUNS ?? 500);
const MAX_COMMANDS = 50;
const MAX_OPERATIONS = 50;

const http = httpHandler as unknown as HttpFunction;
const table = new Store(testTable('funding'));
const budgets = new BudgetStore(table);
const pools = new PoolStore(table);
const projects = new ProjectStore(table);
const requests = new RequestStore(table);

// ---- the model ---------------------------------------------------------------------------------

interface Model {
  /** Operations run so far in this run: at most MAX_OPERATIONS. */
  operations: number;
  pool: { total: number; allocated: number; disbursed: number };
  allocations: Record<string, { amount: number; disbursed: number }>;
  categories: Record<Category, { budgeted: number; committed: number; disbursed: number }>;
  projects: Record<string, { budget: number; milestones: number[]; done: boolean[]; approved: boolean; delegated: boolean }>;
  requests: Record<string, { amount: number; decided: boolean }>;
}

const remaining = (m: Model) => m.pool.total - m.pool.allocated;
const available = (m: Model, c: Category) => m.categories[c].budgeted - m.categories[c].committed;

type Outcome = 'ok' | 'conflict';
interface Answer {
  status: number;
  body: Record<string, any>;
}

/** One operation, bound to this run's world: how to call it, and what the model says it does. */
interface Bound {
  label: string;
  call(): Promise<Answer>;
  /** The model's prediction for the model as it stands; on 'ok' the model is changed (using the answer's ids). */
  apply(model: Model, answer: Answer): Outcome;
}

interface World {
  street: string;
  year: number;
  poolId: string;
  budgetId: string;
  finance: Principal;
  officials: Principal[];
  seq: number;
}

// ---- operations, as fast-check generates them ------------------------------------------------

type Spec =
  | { kind: 'allocate'; amount: number; caller: number }
  | { kind: 'disburse'; pick: number; amount: number; caller: number }
  | { kind: 'adjust'; category: Category; delta: number }
  | { kind: 'approve'; milestones: number[] }
  | { kind: 'delegate'; pick: number }
  | { kind: 'complete'; pick: number; n: number; caller: number }
  | { kind: 'decide'; pick: number | null; amount: number; approve: boolean; grant: number | null };

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('allocate' as const), amount: fc.integer({ min: 1, max: 300_000 }), caller: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('disburse' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 200_000 }), caller: fc.nat(1) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      category: fc.constantFrom<Category>('capital-projects', 'capital-projects', 'operations'),
      delta: fc.integer({ min: -900_000, max: 900_000 }).filter((d) => d !== 0),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('approve' as const), milestones: fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delegate' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('complete' as const), pick: fc.nat(), n: fc.nat(2), caller: fc.nat(1) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      pick: fc.option(fc.nat(), { freq: 3 }),
      amount: fc.integer({ min: 1, max: 300_000 }),
      approve: fc.boolean(),
      grant: fc.option(fc.integer({ min: 1, max: 300_000 }), { freq: 3 }),
    }),
  },
);

const answered = (a: Answer): Outcome => (a.status >= 200 && a.status < 300 ? 'ok' : 'conflict');

/**
 * Binds a generated operation to the run: picks the allocation, project or request it acts on among
 * those that exist, and does the money-neutral preparation (proposing a project, a request arriving
 * as an event) before the operation itself.
 */
async function bind(spec: Spec, world: World, model: Model): Promise<Bound | undefined> {
  const official = (caller: number) => world.officials[caller % world.officials.length]!;
  const pickFrom = (ids: string[], pick: number) => (ids.length ? ids[pick % ids.length] : undefined);
  switch (spec.kind) {
    case 'allocate': {
      const caller = spec.caller === 2 ? world.finance : official(spec.caller);
      return {
        label: `allocate ${spec.amount} (${caller.sub})`,
        call: () => invoke(http, routes.allocate, { principal: caller, params: { id: world.poolId }, body: { amountFen: spec.amount, purpose: 'model', community: `${world.street}/C01` } }),
        apply(m, answer) {
          if (spec.amount > remaining(m)) return 'conflict';
          m.pool.allocated += spec.amount;
          m.allocations[answer.body.id] = { amount: spec.amount, disbursed: 0 };
          return 'ok';
        },
      };
    }
    case 'disburse': {
      const id = pickFrom(Object.keys(model.allocations).sort(), spec.pick);
      if (!id) return undefined;
      const voucherRef = `V-${++world.seq}`;
      return {
        label: `disburse ${spec.amount} of ${id}`,
        call: () => invoke(http, routes.disburse, { principal: official(spec.caller), params: { id }, body: { amountFen: spec.amount, voucherRef } }),
        apply(m) {
          const allocation = m.allocations[id]!;
          if (spec.amount > allocation.amount - allocation.disbursed) return 'conflict';
          allocation.disbursed += spec.amount;
          m.pool.disbursed += spec.amount;
          return 'ok';
        },
      };
    }
    case 'adjust':
      return {
        label: `adjust ${spec.category} by ${spec.delta}`,
        call: () => invoke(http, routes.adjustBudget, { principal: world.finance, params: { id: world.budgetId }, body: { category: spec.category, deltaFen: spec.delta, reason: 'model' } }),
        apply(m) {
          if (available(m, spec.category) + spec.delta < 0) return 'conflict';
          m.categories[spec.category].budgeted += spec.delta;
          return 'ok';
        },
      };
    case 'approve': {
      const budget = spec.milestones.reduce((a, b) => a + b, 0);
      const proposal = await invoke(http, routes.proposeProject, {
        principal: official(0),
        body: { street: world.street, year: world.year, category: 'rural-governance', title: 'model', budgetFen: budget, milestones: spec.milestones.map((amountFen, i) => ({ name: `M${i + 1}`, amountFen })) },
      });
      if (proposal.status !== 201) throw new Error(`proposal: ${proposal.status} ${JSON.stringify(proposal.body)}`);
      const id = proposal.body.id as string;
      model.projects[id] = { budget, milestones: spec.milestones, done: spec.milestones.map(() => false), approved: false, delegated: false };
      return {
        label: `approve project of ${budget}`,
        call: () => invoke(http, routes.approveProject, { principal: world.finance, params: { id } }),
        apply(m) {
          const project = m.projects[id]!;
          if (project.approved || budget > available(m, 'capital-projects')) return 'conflict';
          project.approved = true;
          m.categories['capital-projects'].committed += budget;
          return 'ok';
        },
      };
    }
    case 'delegate': {
      const id = pickFrom(Object.keys(model.projects).sort(), spec.pick);
      if (!id) return undefined;
      return {
        label: `delegate ${id}`,
        call: () => invoke(http, routes.delegateProject, { principal: world.finance, params: { id } }),
        apply(m) {
          const project = m.projects[id]!;
          if (!project.approved || project.delegated) return 'conflict';
          project.delegated = true;
          return 'ok';
        },
      };
    }
    case 'complete': {
      const id = pickFrom(Object.keys(model.projects).sort(), spec.pick);
      if (!id) return undefined;
      const n = (spec.n % model.projects[id]!.milestones.length) + 1;
      return {
        label: `complete milestone ${n} of ${id}`,
        call: () => invoke(http, routes.completeMilestone, { principal: official(spec.caller), params: { id, n: String(n) }, body: { note: 'model' } }),
        apply(m) {
          const project = m.projects[id]!;
          // Milestones are paid only once the project is delegated to its town.
          if (!project.delegated || project.done[n - 1]) return 'conflict';
          project.done[n - 1] = true;
          m.categories['capital-projects'].disbursed += project.milestones[n - 1]!;
          return 'ok';
        },
      };
    }
    case 'decide': {
      let id = spec.pick === null ? undefined : pickFrom(Object.keys(model.requests).sort(), spec.pick);
      if (!id) {
        const asks = askingEvent(FundingRequested, { decisionId: `model-${world.street}-${++world.seq}`, meetingId: 'M', street: world.street, ownerDepartment: 'housing', amountFen: spec.amount, purpose: 'model' });
        const result = await deliver(eventsHandler, [asks]);
        if (result && result.batchItemFailures.length > 0) throw new Error('the request was not opened');
        id = (await requests.openedFor('FundingRequested', asks.detail.data.decisionId))!;
        model.requests[id] = { amount: spec.amount, decided: false };
      }
      const requestId = id;
      const asked = model.requests[requestId]!.amount;
      const grant = spec.grant === null ? undefined : Math.min(spec.grant, asked);
      const body = spec.approve ? { decision: 'approve', poolId: world.poolId, ...(grant ? { amountFen: grant } : {}) } : { decision: 'decline', reason: 'model' };
      return {
        label: `${spec.approve ? 'approve' : 'decline'} request ${requestId}${grant ? ` granting ${grant}` : ''}`,
        call: () => invoke(http, routes.decideRequest, { principal: world.finance, params: { id: requestId }, body }),
        apply(m, answer) {
          const request = m.requests[requestId]!;
          if (request.decided) return 'conflict';
          if (!spec.approve) {
            request.decided = true;
            return 'ok';
          }
          const amount = grant ?? request.amount;
          if (amount > remaining(m)) return 'conflict';
          request.decided = true;
          m.pool.allocated += amount;
          m.allocations[answer.body.allocationId] = { amount, disbursed: 0 };
          return 'ok';
        },
      };
    }
  }
}

// ---- commands -----------------------------------------------------------------------------------

const stats = { runs: 0, commands: 0, operations: 0, batches: 0, conflicts: 0, maxCommandsInRun: 0, maxOperationsInRun: 0 };
let operationsInRun = 0;
let commandsInRun = 0;

/** A command: one operation, or several at once from concurrent callers. */
class LedgerCommand implements fc.AsyncCommand<Model, World> {
  constructor(readonly specs: Spec[]) {}

  /** A batch that would take the run past MAX_OPERATIONS is not run. */
  check(model: Readonly<Model>): boolean {
    return model.operations + this.specs.length <= MAX_OPERATIONS;
  }

  async run(model: Model, world: World): Promise<void> {
    const bound: Bound[] = [];
    for (const spec of this.specs) {
      const op = await bind(spec, world, model);
      if (op) bound.push(op);
    }
    if (bound.length === 0) return;
    const answers = await Promise.all(bound.map((op) => op.call()));
    stats.commands += 1;
    commandsInRun += 1;
    stats.operations += bound.length;
    operationsInRun += bound.length;
    if (bound.length > 1) stats.batches += 1;
    answers.forEach((answer, i) => {
      if (answer.status >= 300 && answer.status !== 409) {
        throw new Error(`${bound[i]!.label}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      if (answer.status === 409) stats.conflicts += 1;
    });
    const next = linearize(model, bound, answers);
    if (!next) {
      throw new Error(`no order of [${bound.map((op, i) => `${op.label} → ${answers[i]!.status}`).join('; ')}] explains the answers`);
    }
    Object.assign(model, next, { operations: model.operations + bound.length });
  }

  toString(): string {
    return this.specs.length === 1 ? JSON.stringify(this.specs[0]) : `concurrently ${JSON.stringify(this.specs)}`;
  }
}

/** The model after the operations in some order that predicts every answer; undefined if none does. */
function linearize(model: Model, ops: Bound[], answers: Answer[]): Model | undefined {
  for (const order of permutations(ops.map((_, i) => i))) {
    const trial = structuredClone(model);
    if (order.every((i) => ops[i]!.apply(trial, answers[i]!) === answered(answers[i]!))) return trial;
  }
  return undefined;
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (const [i, first] of items.entries()) {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [first, ...rest];
  }
}

const commandArb = fc.oneof(
  { weight: 3, arbitrary: specArb.map((spec) => new LedgerCommand([spec])) },
  { weight: 1, arbitrary: fc.array(specArb, { minLength: 2, maxLength: 4 }).map((specs) => new LedgerCommand(specs)) },
);

/**
 * Up to 50 commands a run. fast-check's default size keeps most runs short (which finds and shrinks
 * counterexamples quickly); one run in ten draws its length from the whole range up to 50, so long
 * histories are tried on every execution.
 */
const commandsArb = fc.oneof(
  { weight: 9, arbitrary: fc.commands([commandArb], { maxCommands: MAX_COMMANDS }) },
  { weight: 1, arbitrary: fc.commands([commandArb], { maxCommands: MAX_COMMANDS, size: 'max' }) },
);

// ---- a run: a fresh street, its budget and pool; the commands; the stored ledger against the model ----

let streets = 0;

async function freshWorld(poolTotal: number, capital: number): Promise<{ model: Model; world: World }> {
  const n = streets++;
  const district = `D${String(10 + Math.floor(n / 100)).padStart(2, '0')}`;
  const street = `${district}/S${String(n % 100).padStart(2, '0')}`;
  const finance: Principal = { sub: `finance-${district}`, roles: ['finance'], jurisdiction: district };
  const officials: Principal[] = [0, 1].map((i) => ({ sub: `official-${i}-${street}`, roles: ['street-official'], jurisdiction: street }));
  const year = 2026;
  const budget = await invoke(http, routes.approveBudget, { principal: finance, body: { street, year, categories: { operations: 500_000, 'capital-projects': capital } } });
  const pool = await invoke(http, routes.createPool, {
    principal: finance,
    body: { street, year, name: 'model', lines: [{ program: 'A', department: 'housing', amountFen: poolTotal - 1 }, { program: 'B', department: 'health', amountFen: 1 }] },
  });
  if (budget.status !== 201 || pool.status !== 201) throw new Error(`setup: ${budget.status} ${pool.status}`);
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { budgeted: 0, committed: 0, disbursed: 0 }])) as Model['categories'];
  categories.operations.budgeted = 500_000;
  categories['capital-projects'].budgeted = capital;
  return {
    model: { operations: 0, pool: { total: poolTotal, allocated: 0, disbursed: 0 }, allocations: {}, categories, projects: {}, requests: {} },
    world: { street, year, poolId: pool.body.id, budgetId: budget.body.id, finance, officials, seq: 0 },
  };
}

/** The stored ledger equals the model; no balance is negative; every total is the sum of its parts. */
async function assertLedger(model: Model, world: World): Promise<void> {
  const pool = (await pools.pool(world.poolId))!;
  const allocations = (await pools.allocationsOfPool(world.poolId, { limit: 100 })).items;
  const accounts = await budgets.accounts(world.budgetId);
  const stored = await Promise.all(Object.keys(model.projects).map((id) => projects.project(id)));

  expect(pool.totalFen).toBe(pool.lines.reduce((sum, line) => sum + line.amountFen, 0));
  expect({ allocated: pool.allocatedFen, remaining: pool.remainingFen, disbursed: pool.disbursedFen }).toEqual({
    allocated: model.pool.allocated,
    remaining: remaining(model),
    disbursed: model.pool.disbursed,
  });
  expect(pool.remainingFen).toBeGreaterThanOrEqual(0);
  expect(pool.allocatedFen + pool.remainingFen).toBe(pool.totalFen);
  expect(pool.allocatedFen).toBe(allocations.reduce((sum, a) => sum + a.amountFen, 0));
  expect(pool.disbursedFen).toBe(allocations.reduce((sum, a) => sum + a.disbursedFen, 0));
  expect(pool.allocations).toBe(allocations.length);
  for (const a of allocations) {
    expect(a.undisbursedFen).toBeGreaterThanOrEqual(0);
    expect(a.disbursedFen + a.undisbursedFen).toBe(a.amountFen);
    expect({ amount: a.amountFen, disbursed: a.disbursedFen }).toEqual(model.allocations[a.id]);
  }
  expect(allocations.length).toBe(Object.keys(model.allocations).length);

  for (const account of accounts) {
    const expected = model.categories[account.category];
    expect({ budgeted: account.budgetedFen, committed: account.committedFen, disbursed: account.disbursedFen }).toEqual(expected);
    expect(account.availableFen).toBeGreaterThanOrEqual(0);
    expect(account.undisbursedFen).toBeGreaterThanOrEqual(0);
    expect(account.availableFen).toBe(account.budgetedFen - account.committedFen);
    expect(account.undisbursedFen).toBe(account.committedFen - account.disbursedFen);
  }
  const capital = accounts.find((a) => a.category === 'capital-projects')!;
  const approved = stored.filter((p) => p && p.status !== 'proposed');
  expect(capital.committedFen).toBe(approved.reduce((sum, p) => sum + p!.budgetFen, 0));
  expect(capital.disbursedFen).toBe(approved.reduce((sum, p) => sum + p!.disbursedFen, 0));
  for (const project of approved) {
    expect(project!.disbursedFen).toBe(project!.milestones.filter((m) => m.status === 'completed').reduce((sum, m) => sum + m.amountFen, 0));
  }
}

describe('the funding ledger against a model', () => {
  it(`${RUNS} runs of up to ${MAX_OPERATIONS} operations (alone or concurrent): no negative balance, every total the sum of its parts`, async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200_000, max: 2_000_000 }),
        fc.integer({ min: 100_000, max: 2_000_000 }),
        commandsArb,
        async (poolTotal, capital, commands) => {
          const { model, world } = await freshWorld(poolTotal, capital);
          operationsInRun = 0;
          commandsInRun = 0;
          await fc.asyncModelRun(() => ({ model, real: world }), commands);
          await assertLedger(model, world);
          stats.runs += 1;
          stats.maxOperationsInRun = Math.max(stats.maxOperationsInRun, operationsInRun);
          stats.maxCommandsInRun = Math.max(stats.maxCommandsInRun, commandsInRun);
        },
      ),
      { numRuns: RUNS },
    );
    console.info(`funding model: ${JSON.stringify(stats)} in ${Math.round((Date.now() - started) / 1000)} s, 0 counterexamples`);
  }, 900_000);
});

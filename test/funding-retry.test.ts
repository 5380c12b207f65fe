import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../kernel/auth.ts';
import { createDocumentClient, Store } from '../kernel/store.ts';
import { fundingHttp } from '../services/funding/handlers/http.ts';
import { routes } from '../services/funding/routes.ts';
import { MAX_ATTEMPTS } from '../kernel/retry.ts';
import { testTable } from './setup/context.ts';
import { invoke, poolBody, type HttpFunction } from './support/funding.ts';

/**
 * In AWS, DynamoDB cancels a transaction that meets another on the same item (TransactionConflict);
 * DynamoDB Local never does. So here, and only here, the client's own middleware cancels the first
 * transactions the way DynamoDB would; everything else is the real handler on DynamoDB Local.
 */
const finance: Principal = { sub: 'finance-d01', roles: ['finance'], jurisdiction: 'D01' };

function withConflicts(times: number) {
  const store = new Store(testTable('funding'), createDocumentClient());
  let left = 0;
  let attempts = 0;
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand' && context.commandName !== 'TransactWriteCommand') return next(args);
      attempts += 1;
      if (left > 0) {
        left -= 1;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]',
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [{ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }, { Code: 'None' }],
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'transaction-conflicts' },
  );
  const http = fundingHttp(store) as unknown as HttpFunction;
  return {
    http,
    conflictNext(n = times) {
      left = n;
      attempts = 0;
    },
    attempts: () => attempts,
  };
}

describe('an allocation DynamoDB cancels for a transaction conflict', () => {
  it('is tried again from a fresh read and allocated once', async () => {
    const api = withConflicts(2);
    const pool = await invoke(api.http, routes.createPool, { principal: finance, body: poolBody('D01/S07', 2026, [10_000]) });

    api.conflictNext(2);
    const allocated = await invoke(api.http, routes.allocate, { principal: finance, params: { id: pool.body.id }, body: { amountFen: 4_000, purpose: 'x', community: 'D01/S07/C01' } });

    expect(allocated.status).toBe(201);
    expect(api.attempts()).toBe(3);
    const after = await invoke(api.http, routes.getPool, { principal: finance, params: { id: pool.body.id } });
    expect(after.body).toMatchObject({ allocatedFen: 4_000, remainingFen: 6_000, allocations: 1 });
  });

  it(`after ${MAX_ATTEMPTS} cancelled attempts it is a 500 problem and nothing was written`, async () => {
    const api = withConflicts(0);
    const pool = await invoke(api.http, routes.createPool, { principal: finance, body: poolBody('D01/S08', 2026, [10_000]) });

    api.conflictNext(MAX_ATTEMPTS);
    const failed = await invoke(api.http, routes.allocate, { principal: finance, params: { id: pool.body.id }, body: { amountFen: 4_000, purpose: 'x', community: 'D01/S08/C01' } });

    expect(failed.status).toBe(500);
    expect(api.attempts()).toBe(MAX_ATTEMPTS);
    const after = await invoke(api.http, routes.getPool, { principal: finance, params: { id: pool.body.id } });
    expect(after.body).toMatchObject({ allocatedFen: 0, remainingFen: 10_000, allocations: 0 });
  });
});

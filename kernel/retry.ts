import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Attempts of a change that DynamoDB cancelled only because another transaction held its items. */
export const MAX_ATTEMPTS = 5;

/** Set while a unit of work runs under `retryingConflicts`: its commits leave a conflict to it. */
const unitOfWork = new AsyncLocalStorage<true>();

/**
 * DynamoDB cancels a transaction that touches an item another transaction is writing
 * (`TransactionConflict`): nothing was written and no condition failed, so the change is simply
 * tried again. Many callers on one item meet this in AWS (DynamoDB Local never reports it); without
 * a retry they would get a 500 instead of their 201 or 409.
 *
 * `unit` is a whole read-decide-commit: it is run again from its first read, so a decision that
 * depended on what was read is taken again on fresh data, not replayed. The kernel runs every
 * route handler (kernel/http.ts) and every consumer's apply-and-commit (kernel/consumer.ts) as such
 * a unit; a commit made outside any unit replays itself (kernel/store.ts), which is safe because
 * every condition in it is checked again.
 */
export async function retryingConflicts<T>(unit: () => Promise<T>, pause = backoff): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await unitOfWork.run(true, unit);
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause(attempt)));
    }
  }
}

/** True inside `retryingConflicts`: a conflict is better left to the unit, which reads again. */
export function inUnitOfWork(): boolean {
  return unitOfWork.getStore() === true;
}

/** A cancellation for conflicts only: no condition failed, so nothing about the request was wrong. */
export function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const reasons = error.CancellationReasons ?? [];
  return reasons.some((reason) => reason.Code === 'TransactionConflict') && !reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** 0-20 ms, 0-40 ms, 0-80 ms …: full jitter, so the colliding callers spread out. */
function backoff(attempt: number): number {
  return 10 * 2 ** attempt * Math.random();
}

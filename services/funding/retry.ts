import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Attempts of a change that DynamoDB cancelled only because another transaction held its items. */
export const MAX_ATTEMPTS = 5;

/**
 * DynamoDB cancels a transaction that touches an item another transaction is writing
 * (`TransactionConflict`): nothing was written and no condition failed, so the change is simply
 * tried again, from a fresh read. Many callers drawing on one pool at once meet this in AWS (DynamoDB
 * Local never reports it); without a retry they would get a 500 instead of their 201 or 409.
 */
export async function retryingConflicts<T>(change: () => Promise<T>, pause = (attempt: number) => 10 * 2 ** attempt * Math.random()): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await change();
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause(attempt)));
    }
  }
}

export function isTransactionConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict') &&
    !(error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
}

import type { Store } from '../../kernel/store.ts';

/**
 * Records the DynamoDB operations a store's client sends (ScanCommand, QueryCommand, …) while a test
 * acts, by watching the client's own middleware stack: the calls are real, only observed.
 */
export function recordCalls(store: Store): { calls: string[]; stop(): void } {
  const calls: string[] = [];
  const name = `record-calls-${Math.random().toString(36).slice(2)}`;
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { calls, stop: () => void store.doc.middlewareStack.remove(name) };
}

import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Time spent inside DynamoDB calls: every call of the handlers goes through a DocumentClient's
 * `send`, which is wrapped once here (on import) to add up its wall time. Nothing else runs in the
 * measuring process while a handler is measured, so the sum over an invocation is its DynamoDB time.
 */
let spent = 0;
const originalSend = DynamoDBDocumentClient.prototype.send;
DynamoDBDocumentClient.prototype.send = async function timedSend(this: DynamoDBDocumentClient, ...args: unknown[]) {
  const started = performance.now();
  try {
    return await (originalSend as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  } finally {
    spent += performance.now() - started;
  }
} as typeof originalSend;

/** Milliseconds spent in DynamoDB calls since the process began; read before and after an invocation. */
export const dynamoMs = () => spent;

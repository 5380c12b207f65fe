import * as z from 'zod/mini';

/**
 * Money at the edge: a whole, positive number of fen as a JSON number. A string ("100"), a fraction
 * (1.5), zero, a negative, or a number past 2^53 − 1 (where JSON numbers stop being exact) is refused
 * with the field named.
 */
export const FenAmount = z
  .number({ error: 'an amount in fen, as a JSON number (not a string)' })
  .check(
    z.int({ error: `a whole number of fen, at most ${Number.MAX_SAFE_INTEGER}` }),
    z.positive({ error: 'more than zero fen' }),
  );

/** A signed change in fen: whole, not zero, within ±(2^53 − 1). */
export const SignedFen = z
  .number({ error: 'a signed amount in fen, as a JSON number (not a string)' })
  .check(
    z.int({ error: `a whole number of fen, within ±${Number.MAX_SAFE_INTEGER}` }),
    z.refine((n) => n !== 0, 'not zero: an adjustment changes the budget'),
  );

/** A sum of fen that is still exact in JavaScript (and in every consumer's). */
export function safeSum(amounts: readonly number[]): number | undefined {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total)) return undefined;
  }
  return total;
}

/** Money in an answer: a whole number of fen, never negative (balances, totals, amounts). */
export const Fen = z.number().check(z.int(), z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER));

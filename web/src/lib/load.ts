import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: ApiError };

/**
 * Loads what a page shows; `retry` loads it again (after a network failure, say). With `keep`, what
 * was shown stays while it loads again, so a form on the page keeps what was typed.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], options: { keep?: boolean } = {}): Loaded<T> & { retry: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setResult((previous) => (options.keep && previous.state === 'ready' ? previous : { state: 'loading' }));
    load().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) => live && setResult({ state: 'failed', error: error instanceof ApiError ? error : new ApiError('network') }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, retry };
}

import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

export type HeldPower = paths['/authority/streets/{street}/powers']['get']['responses'][200]['content']['application/json']['items'][number];

/** What a street holds on a day: each power, since when, under which delegations. */
export async function streetPowers(street: string, on: string, cursor?: string) {
  return call(
    api().GET('/authority/streets/{street}/powers', {
      params: { path: { street: inPath(street) }, query: { on, limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

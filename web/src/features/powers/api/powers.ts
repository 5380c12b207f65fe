import { api, call, undeclaredAnswer } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

/**
 * A power a street holds on a date (services/authority/delegations/handlers.ts streetPowers).
 * Typed here until the route's response schema is in openapi.json.
 */
export interface HeldPower {
  code: string;
  name?: string;
  domain?: 'social-governance' | 'market-supervision' | 'convenience-services' | 'law-enforcement';
  legalBasis?: string;
  fromDepartment?: string;
  since: string;
}

export async function streetPowers(street: string, on: string, cursor?: string): Promise<{ items: HeldPower[]; cursor?: string }> {
  return undeclaredAnswer<{ items: HeldPower[]; cursor?: string }>(
    await call(
    api().GET('/authority/streets/{street}/powers', {
      params: { path: { street: inPath(street) }, query: { on, limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
    ),
  );
}

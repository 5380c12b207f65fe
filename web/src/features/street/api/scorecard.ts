import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

export type Scorecard = paths['/coordination/streets/{street}/scorecard']['get']['responses'][200]['content']['application/json'];

export async function scorecard(street: string): Promise<Scorecard> {
  return call(api().GET('/coordination/streets/{street}/scorecard', { params: { path: { street: inPath(street) } } }));
}

export type Dimension = 'staffing' | 'money' | 'place' | 'power' | 'coordination';
export const DIMENSIONS: readonly Dimension[] = ['staffing', 'money', 'place', 'power', 'coordination'];

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : null);

/**
 * Each of the five haves as one share from 0 to 1 (null while there is nothing to measure):
 * posts filled; budget allocated; communities meeting the standard; consents decided in time;
 * issues closed on time.
 */
export function dimensionScore(card: Scorecard, dimension: Dimension): number | null {
  switch (dimension) {
    case 'staffing':
      return card.staffing.vacancyRate === null ? null : 1 - card.staffing.vacancyRate;
    case 'money':
      return share(card.money.allocatedFen, card.money.budgetedFen);
    case 'place':
      return card.place.complianceRate;
    case 'power':
      return share(card.power.consentsDecidedInTime, card.power.consentsDecided);
    case 'coordination':
      return card.coordination.onTimeRate;
  }
}

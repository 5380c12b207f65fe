import { numberText, type Settings } from '../../../kernel/config.ts';
import { STREET_WEIGHT_DEFAULT } from './domain.ts';

/** Authority's configuration (its service definition declares it; the stack sets it on its functions). */
export const assessmentSettings = {
  streetWeightPercent: {
    env: 'AUTHORITY_STREET_WEIGHT_PERCENT',
    schema: numberText({ min: 0, max: 100 }),
    default: String(STREET_WEIGHT_DEFAULT * 100),
    description: "the street's weight in a stationed member's combined score, in percent from 0 to 100 (the department's is the rest)",
  },
} satisfies Settings;

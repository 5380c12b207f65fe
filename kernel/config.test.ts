import { describe, expect, it } from 'vitest';
import { ConfigurationError, numberText, pairsText, settingsFrom, type Settings } from './config.ts';

const settings = {
  weight: { env: 'TEST_WEIGHT_PERCENT', schema: numberText({ min: 0, max: 100 }), default: '50', description: 'a percentage, 0 to 100' },
  minutes: {
    env: 'TEST_MINUTES',
    schema: pairsText(['emergency', 'general'] as const, numberText({ min: 1, integer: true })),
    default: 'emergency=120,general=10080',
    description: 'urgency=minutes pairs',
  },
} satisfies Settings;

describe('settings from the environment', () => {
  it('takes the declared default where a variable is unset or blank', () => {
    expect(settingsFrom(settings, { TEST_WEIGHT_PERCENT: ' ' })).toEqual({ weight: 50, minutes: { emergency: 120, general: 10080 } });
  });

  it('parses what is set: a decimal, and any subset of the pairs', () => {
    expect(settingsFrom(settings, { TEST_WEIGHT_PERCENT: '33.3', TEST_MINUTES: 'general=60' })).toEqual({ weight: 33.3, minutes: { general: 60 } });
  });

  it.each([
    ['TEST_WEIGHT_PERCENT', '150', /TEST_WEIGHT_PERCENT="150" is not valid: Too big.*100.*It takes a percentage/],
    ['TEST_WEIGHT_PERCENT', '50%', /TEST_WEIGHT_PERCENT="50%" is not valid: not a number/],
    ['TEST_MINUTES', 'urgent=5', /"urgent=5" is not one of emergency, general/],
    ['TEST_MINUTES', 'emergency=5,emergency=6', /"emergency=6" is not one of emergency, general \(once each\)/],
    ['TEST_MINUTES', 'general=1.5', /general: not a whole number/],
    ['TEST_MINUTES', 'general=0', /general: Too small/],
  ])('refuses %s=%s, naming the variable, the value and what it takes', (name, value, message) => {
    const refusal = (() => {
      try {
        settingsFrom(settings, { [name]: value });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigurationError);
    expect((refusal as Error).message).toMatch(message);
  });
});

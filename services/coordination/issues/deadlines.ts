import type * as z from 'zod/mini';
import type { IssueUrgency } from '../events.ts';

type Urgency = z.output<typeof IssueUrgency>;

/** How long a named department has to report in, and to resolve, by urgency. */
export interface DeadlinePolicy {
  responseMinutes: number;
  resolutionMinutes: Record<Urgency, number>;
}

/**
 * Beijing's "street whistles, departments report": report in within 30 minutes; its 12345 hotline
 * standard: emergencies resolved within 2 h, utilities 24 h, general matters 7 days, complex 15 days.
 */
export const DEFAULT_DEADLINES: DeadlinePolicy = {
  responseMinutes: 30,
  resolutionMinutes: { emergency: 2 * 60, utility: 24 * 60, general: 7 * 24 * 60, complex: 15 * 24 * 60 },
};

const positiveWhole = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: ${JSON.stringify(text)} is not a whole number of minutes, at least 1`);
  return value;
};

/**
 * The policy from the environment, defaults where unset:
 * `COORDINATION_RESPONSE_MINUTES=30` and
 * `COORDINATION_RESOLUTION_MINUTES=emergency=120,utility=1440,general=10080,complex=21600` (any subset).
 * A bad value fails the function at start, not a request later.
 */
export function deadlinePolicyFrom(env: Record<string, string | undefined>): DeadlinePolicy {
  const policy: DeadlinePolicy = { responseMinutes: DEFAULT_DEADLINES.responseMinutes, resolutionMinutes: { ...DEFAULT_DEADLINES.resolutionMinutes } };
  const response = env.COORDINATION_RESPONSE_MINUTES;
  if (response !== undefined && response !== '') policy.responseMinutes = positiveWhole('COORDINATION_RESPONSE_MINUTES', response);
  const resolution = env.COORDINATION_RESOLUTION_MINUTES;
  if (resolution !== undefined && resolution !== '') {
    for (const part of resolution.split(',')) {
      const [urgency, minutes] = part.split('=').map((s) => s.trim());
      if (!urgency || !(urgency in policy.resolutionMinutes) || minutes === undefined) {
        throw new Error(`COORDINATION_RESOLUTION_MINUTES: "${part}" is not urgency=minutes (emergency, utility, general, complex)`);
      }
      policy.resolutionMinutes[urgency as Urgency] = positiveWhole(`COORDINATION_RESOLUTION_MINUTES ${urgency}`, minutes);
    }
  }
  return policy;
}

/** The deadlines of an issue raised at `raisedAt`: fixed when it is raised, so a later change of policy does not move them. */
export function deadlinesOf(raisedAt: string, urgency: Urgency, policy: DeadlinePolicy) {
  const at = Date.parse(raisedAt);
  return {
    responseDueBy: new Date(at + policy.responseMinutes * 60_000).toISOString(),
    resolutionDueBy: new Date(at + policy.resolutionMinutes[urgency] * 60_000).toISOString(),
  };
}

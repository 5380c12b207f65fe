import type * as z from 'zod/mini';
import { numberText, pairsText, settingsFrom, type SettingValues, type Settings } from '../../../kernel/config.ts';
import type { IssueUrgency } from '../../../contracts/coordination.ts';

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

const URGENCIES = Object.keys(DEFAULT_DEADLINES.resolutionMinutes) as [Urgency, ...Urgency[]];
const minutes = numberText({ min: 1, integer: true });

/** Coordination's configuration (its service definition declares it; the stack sets it on its functions). */
export const deadlineSettings = {
  responseMinutes: {
    env: 'COORDINATION_RESPONSE_MINUTES',
    schema: minutes,
    default: String(DEFAULT_DEADLINES.responseMinutes),
    description: 'the minutes a named department has to report in on an issue: a whole number, at least 1',
  },
  resolutionMinutes: {
    env: 'COORDINATION_RESOLUTION_MINUTES',
    schema: pairsText(URGENCIES, minutes),
    default: URGENCIES.map((urgency) => `${urgency}=${DEFAULT_DEADLINES.resolutionMinutes[urgency]}`).join(','),
    description: `the minutes to resolve an issue by urgency: urgency=minutes pairs separated by commas, any subset of ${URGENCIES.join(', ')} (the others keep their defaults)`,
  },
} satisfies Settings;

/** The policy from the parsed settings: the urgencies a setting leaves out keep their defaults. */
export function deadlinePolicyOf(settings: SettingValues<typeof deadlineSettings>): DeadlinePolicy {
  return {
    responseMinutes: settings.responseMinutes,
    resolutionMinutes: { ...DEFAULT_DEADLINES.resolutionMinutes, ...settings.resolutionMinutes },
  };
}

/**
 * The policy from the environment, defaults where unset:
 * `COORDINATION_RESPONSE_MINUTES=30` and
 * `COORDINATION_RESOLUTION_MINUTES=emergency=120,utility=1440,general=10080,complex=21600` (any subset).
 * A bad value fails the function at start, not a request later.
 */
export function deadlinePolicyFrom(env: Record<string, string | undefined>): DeadlinePolicy {
  return deadlinePolicyOf(settingsFrom(deadlineSettings, env));
}

/** The deadlines of an issue raised at `raisedAt`: fixed when it is raised, so a later change of policy does not move them. */
export function deadlinesOf(raisedAt: string, urgency: Urgency, policy: DeadlinePolicy) {
  const at = Date.parse(raisedAt);
  return {
    responseDueBy: new Date(at + policy.responseMinutes * 60_000).toISOString(),
    resolutionDueBy: new Date(at + policy.resolutionMinutes[urgency] * 60_000).toISOString(),
  };
}

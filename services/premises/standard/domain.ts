import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { toDm2, toM2 } from '../area.ts';
import { StandardSet } from '../../../contracts/premises.ts';
import { keys } from '../keys.ts';

/**
 * The standard a district holds its communities' premises to: data, not code. Until a district sets
 * its own, the national complete-community guidance applies (DEFAULT_RULES).
 */
export interface Rules {
  /** Community service space per 100 households, in dm². */
  areaPer100HouseholdsDm2: number;
  /** The least share of that space for residents' activities, in whole percent. */
  residentActivitySharePercent: number;
  /** The least size of the community service complex (the community's largest site), in dm². */
  serviceComplexMinDm2: number;
  /** A rental that has run, or is contracted, for more than this many years is long-term. */
  longTermRentalYears: number;
  /** More office sites than this is "scattered". */
  maxOfficeSites: number;
}

export interface Standard extends Rules {
  district: string;
  /** 0 while the district uses the defaults; each change adds one. */
  version: number;
  setAt?: string;
  setBy?: string;
}

export const DEFAULT_RULES: Rules = {
  areaPer100HouseholdsDm2: 30 * 100,
  residentActivitySharePercent: 60,
  serviceComplexMinDm2: 600 * 100,
  longTermRentalYears: 3,
  maxOfficeSites: 1,
};

export const defaultStandard = (district: string): Standard => ({ district, ...DEFAULT_RULES, version: 0 });

/** The rules as the API shows and takes them: areas in m². */
export interface RulesInM2 {
  areaPer100HouseholdsM2: number;
  residentActivitySharePercent: number;
  serviceComplexMinM2: number;
  longTermRentalYears: number;
  maxOfficeSites: number;
}

export function standardView(standard: Standard) {
  return {
    district: standard.district,
    source: standard.version === 0 ? 'national-default' : 'district',
    version: standard.version,
    ...rulesInM2(standard),
    ...(standard.setAt ? { setAt: standard.setAt, setBy: standard.setBy } : {}),
  };
}

export function rulesInM2(rules: Rules): RulesInM2 {
  return {
    areaPer100HouseholdsM2: toM2(rules.areaPer100HouseholdsDm2),
    residentActivitySharePercent: rules.residentActivitySharePercent,
    serviceComplexMinM2: toM2(rules.serviceComplexMinDm2),
    longTermRentalYears: rules.longTermRentalYears,
    maxOfficeSites: rules.maxOfficeSites,
  };
}

export interface StandardChange {
  standard: Standard;
  events: DomainEvent[];
}

/** A district sets its standard; `version` is the one the caller read (0 for the defaults): stale is 409. */
export function setStandard(current: Standard, input: RulesInM2 & { version: number }, cause: Cause): StandardChange {
  if (input.version !== current.version) {
    throw new ConflictError(
      `The standard of ${current.district} is at version ${current.version}, not ${input.version}; read it again.`,
    );
  }
  const standard: Standard = {
    district: current.district,
    areaPer100HouseholdsDm2: toDm2(input.areaPer100HouseholdsM2),
    residentActivitySharePercent: input.residentActivitySharePercent,
    serviceComplexMinDm2: toDm2(input.serviceComplexMinM2),
    longTermRentalYears: input.longTermRentalYears,
    maxOfficeSites: input.maxOfficeSites,
    version: current.version + 1,
    setAt: cause.now,
    setBy: cause.actor.sub,
  };
  const event = newEvent(
    StandardSet,
    keys.standard(current.district).pk,
    { district: current.district, version: standard.version, ...rulesInM2(standard) },
    cause,
  );
  return { standard, events: [event] };
}

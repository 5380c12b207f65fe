import type * as z from 'zod/mini';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { PowerCataloged, type PowerDomain } from '../../../contracts/authority.ts';
import { keys } from '../keys.ts';

/**
 * A power a district may delegate to its streets (an enforcement or service power and the law it
 * rests on). The catalog is shared by the districts: a code means the same power everywhere, as in
 * a city's unified list; the district office that entered it is recorded.
 */
export interface Power {
  code: string;
  name: string;
  domain: z.output<typeof PowerDomain>;
  legalBasis: string;
  fromDepartment: string;
  catalogedAt: string;
  catalogedBy: string;
  catalogedByDistrict: string;
}

export interface PowerChange {
  power: Power;
  events: DomainEvent[];
}

export type PowerEntry = Pick<Power, 'code' | 'name' | 'domain' | 'legalBasis' | 'fromDepartment'>;

/** Enter a power in the catalog. A code already there is a conflict the store's condition reports. */
export function catalogPower(entry: PowerEntry, cause: Cause): PowerChange {
  const power: Power = {
    ...entry,
    catalogedAt: cause.now,
    catalogedBy: cause.actor.sub,
    catalogedByDistrict: districtOf(cause.actor.jurisdiction ?? ''),
  };
  return { power, events: [newEvent(PowerCataloged, keys.powerHistory(entry.code), entry, cause)] };
}

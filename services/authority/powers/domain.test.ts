import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../kernel/events.ts';
import { catalogPower } from './domain.ts';

const admin: Cause = {
  correlationId: 'corr-powers',
  now: '2025-07-01T02:00:00.000Z',
  actor: { sub: 'district-office-1', roles: ['district-admin'], jurisdiction: 'D01' },
};

const entry = {
  code: 'CM-0012',
  name: 'Penalties for unlicensed street vending',
  domain: 'law-enforcement' as const,
  legalBasis: 'City Appearance and Environmental Sanitation Regulations, art. 12',
  fromDepartment: 'urban-management',
};

describe('entering a power in the catalog', () => {
  it('records the entry, who entered it, from which district, and when', () => {
    const { power } = catalogPower(entry, admin);

    expect(power).toEqual({
      ...entry,
      catalogedAt: '2025-07-01T02:00:00.000Z',
      catalogedBy: 'district-office-1',
      catalogedByDistrict: 'D01',
    });
  });

  it('emits PowerCataloged with the entry as its data', () => {
    const { events } = catalogPower(entry, admin);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ detailType: 'PowerCataloged', aggregate: 'POWER#CM-0012', detail: { data: entry } });
  });
});

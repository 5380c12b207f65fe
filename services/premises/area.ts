import * as z from 'zod/mini';

/**
 * Areas are stored as whole dm² (1 dm² = 0.01 m²), never as floating m²: the API takes and shows m²
 * with at most two decimals, and every rule compares integers, so 300.00 m² against 300 m² is exact.
 */
export const MAX_AREA_M2 = 1_000_000;

export const AreaM2 = z
  .number()
  .check(
    z.nonnegative(),
    z.lte(MAX_AREA_M2),
    z.refine((m2) => Math.abs(m2 * 100 - Math.round(m2 * 100)) < 1e-6, 'at most two decimals (0.01 m²)'),
  );

export const toDm2 = (m2: number): number => Math.round(m2 * 100);
export const toM2 = (dm2: number): number => dm2 / 100;

import * as z from 'zod/mini';
import './zod-messages.ts';

/** A jurisdiction path: district, street-or-town, community-or-village. `D01`, `D01/S03`, `D01/S03/C07`. */
export const JurisdictionSchema = z
  .string()
  .check(
    z.regex(/^D\d{2}(\/S\d{2}(\/C\d{2})?)?$/, 'a jurisdiction such as D01, D01/S03 or D01/S03/C07'),
    z.meta({ examples: ['D01/S03', 'D01/S03/C07', 'D01'] }),
  );
export const StreetSchema = z
  .string()
  .check(z.regex(/^D\d{2}\/S\d{2}$/, 'a street such as D01/S03'), z.meta({ examples: ['D01/S03'] }));

/**
 * Streets and communities written in a URL path. API Gateway decodes `%2F` before it matches a
 * route, so a jurisdiction's own `/` cannot travel inside one path segment: in a path a street is
 * always `D01-S03` and a community `D01-S03-C07`, and nothing else is accepted (the pattern is on
 * every such parameter of the API document). Handlers receive the ordinary form, `D01/S03`.
 * In a query string and in bodies the ordinary form is used.
 */
export const CommunitySchema = z
  .string()
  .check(z.regex(/^D\d{2}\/S\d{2}\/C\d{2}$/, 'a community such as D01/S03/C07'), z.meta({ examples: ['D01/S03/C07'] }));
export const DistrictSchema = z.string().check(z.regex(/^D\d{2}$/, 'a district such as D01'), z.meta({ examples: ['D01'] }));

export const StreetInPath = z.pipe(
  z.string().check(z.regex(/^D\d{2}-S\d{2}$/, 'a street in a path, such as D01-S03'), z.meta({ examples: ['D01-S03'] })),
  z.pipe(z.transform((value: string) => value.replace('-', '/')), StreetSchema),
);

export const CommunityInPath = z.pipe(
  z.string().check(z.regex(/^D\d{2}-S\d{2}-C\d{2}$/, 'a community in a path, such as D01-S03-C07'), z.meta({ examples: ['D01-S03-C07'] })),
  z.pipe(z.transform((value: string) => value.replaceAll('-', '/')), CommunitySchema),
);

/** A street as a path segment: `D01/S03` → `D01-S03`. */
export const streetPathSegment = (street: string) => street.replace('/', '-');

/** The street of a community (or the street itself): `D01/S03/C07` → `D01/S03`. */
export const streetOf = (jurisdiction: string) => jurisdiction.split('/').slice(0, 2).join('/');

export function districtOf(jurisdiction: string): string {
  return jurisdiction.split('/')[0]!;
}

/** True when `scope` (the caller's jurisdiction) contains `target`: D01 covers D01/S03 and D01/S03/C07. */
export function covers(scope: string, target: string): boolean {
  return target === scope || target.startsWith(`${scope}/`);
}

import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { SecondmentStatus, Ulid } from '../vocabulary.ts';

/**
 * A street in a path: `D01%2FS03` (the slash encoded) or `D01-S03`, since a bare slash would be
 * read as another path segment.
 */
const StreetInPath = z.pipe(
  z.pipe(z.string(), z.transform((value) => value.replace(/^(D\d{2})-(S\d{2})$/, '$1/$2'))),
  StreetSchema,
);

const Day = z.iso.date();
const who = ['street-official', 'organization-dept'] as const;

/** The roster of a street's staff, their secondments, and the street's staffing. */
export const staffRoutes = defineRoutes({
  roster: {
    method: 'GET',
    path: '/recruitment/staff',
    summary: "A street's roster (default the caller's street), newest hire first.",
    access: { roles: who, jurisdiction: 'subject' },
    query: z.extend(PageQuery, { street: z.optional(StreetSchema) }),
    status: 200,
  },
  staffRecord: {
    method: 'GET',
    path: '/recruitment/staff/{id}',
    summary: "One member's record: post, current secondment, and the street's assessments of them.",
    access: { roles: who, jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    status: 200,
  },
  startSecondment: {
    method: 'POST',
    path: '/recruitment/staff/{id}/secondments',
    summary: 'A secondment out of the street; flagged at once without an approval reference.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    body: z
      .strictObject({
        toUnit: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        startsOn: Day,
        endsOn: Day,
        /** The number of the document that approved it; without one the secondment is flagged. */
        approvalRef: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
      })
      .check(z.refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'must be on or after startsOn' })),
    status: 201,
    idempotent: true,
  },
  endSecondment: {
    method: 'POST',
    path: '/recruitment/secondments/{id}/end',
    summary: 'Recall: the secondment ends today and the member is back in post.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    status: 200,
  },
  listSecondments: {
    method: 'GET',
    path: '/recruitment/secondments',
    summary: "Secondments by status (default flagged) of a street, or of the caller's whole district.",
    access: { roles: who, jurisdiction: 'subject' },
    query: z.extend(PageQuery, { status: z._default(SecondmentStatus, 'flagged'), street: z.optional(StreetSchema) }),
    status: 200,
  },
  staffing: {
    method: 'GET',
    path: '/recruitment/streets/{street}/staffing',
    summary: 'Posts, filled, vacancy rate, on secondment, secondment rate of a street.',
    access: { roles: who, jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    status: 200,
  },
});

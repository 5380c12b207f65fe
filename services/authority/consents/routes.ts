import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { StreetSchema } from '../../../kernel/jurisdiction.ts';
import { ConsentDecision } from '../../../contracts/authority.ts';
import { ulidOf } from '../../../kernel/ids.ts';

const Ulid = ulidOf('a consent case id');
const CaseId = z.strictObject({ id: Ulid });
const Instant = z.iso.datetime();

/** A consent case as its readers see it. */
const ConsentCaseView = z
  .object({
    id: Ulid,
    appointmentId: Ulid,
    street: StreetSchema,
    department: DepartmentSchema,
    agency: z.string(),
    action: z.enum(['appoint', 'remove']),
    nominee: z.object({ name: z.string(), personId: z.optional(z.string()) }),
    reason: z.string(),
    status: z.enum(['pending', 'granted', 'refused']),
    openedAt: Instant,
    dueBy: Instant.check(z.meta({ description: 'The end of the 15th working day after the case was opened.' })),
    decidedAt: z.optional(Instant),
    decidedBy: z.optional(z.string()),
    writtenOpinion: z.optional(z.string()),
    late: z.optional(z.boolean()).check(z.meta({ description: 'Decided after `dueBy`.' })),
    overdue: z.boolean().check(z.meta({ description: 'Still pending past `dueBy`.' })),
  })
  .check(z.meta({ title: 'ConsentCase' }));

/** Written consent before an agency head is appointed or removed. */
export const consentRoutes = defineRoutes({
  listConsents: {
    method: 'GET',
    path: '/authority/consents',
    summary: "A street's consent cases",
    description:
      "A street's consent cases by status (default pending; default the caller's street); pending ones oldest first, " +
      'decided ones newest opened first, each marked overdue past its deadline.',
    access: { roles: ['street-committee', 'street-official', 'district-admin'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['pending', 'granted', 'refused']), 'pending'),
      /** Defaults to the caller's own street. */
      street: z.optional(StreetSchema),
    }),
    status: 200,
    response: pageOf(ConsentCaseView),
  },
  getConsent: {
    method: 'GET',
    path: '/authority/consents/{id}',
    summary: 'A consent case',
    description: 'One consent case, with its deadline (15 working days, Monday to Friday, China time) and whether it is overdue.',
    access: {
      roles: ['street-committee', 'street-official', 'district-admin', 'department'],
      jurisdiction: 'subject',
      department: 'own',
    },
    params: CaseId,
    status: 200,
    response: ConsentCaseView,
  },
  recordConsentDecision: {
    method: 'POST',
    path: '/authority/consents/{id}/decision',
    summary: 'Record the written consent or refusal',
    description: "The street party committee's written consent or refusal; one decision per case (a second is 409).",
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    params: CaseId,
    body: z.strictObject({
      decision: ConsentDecision,
      writtenOpinion: z.string().check(z.trim(), z.minLength(1, 'the written opinion is required'), z.maxLength(10_000)),
    }),
    status: 200,
    response: ConsentCaseView,
    examples: { body: { decision: 'granted', writtenOpinion: 'The committee agrees.' } },
  },
});

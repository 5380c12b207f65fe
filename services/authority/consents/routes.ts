import * as z from 'zod';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema, StreetSchema } from '../../../kernel/roles.ts';
import { ConsentDecision } from '../events.ts';

const CaseId = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a consent case id') });
const Instant = z.iso.datetime();

/** A consent case as its readers see it. */
const ConsentCaseView = z
  .object({
    id: z.string(),
    appointmentId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    agency: z.string(),
    action: z.enum(['appoint', 'remove']),
    nominee: z.object({ name: z.string(), personId: z.string().optional() }),
    reason: z.string(),
    status: z.enum(['pending', 'granted', 'refused']),
    openedAt: Instant,
    dueBy: Instant.meta({ description: 'The end of the 15th working day after the case was opened.' }),
    decidedAt: Instant.optional(),
    decidedBy: z.string().optional(),
    writtenOpinion: z.string().optional(),
    late: z.boolean().optional().meta({ description: 'Decided after `dueBy`.' }),
    version: z.number().int().positive(),
    overdue: z.boolean().meta({ description: 'Still pending past `dueBy`.' }),
  })
  .meta({ title: 'ConsentCase' });

/** Written consent before an agency head is appointed or removed. */
export const consentRoutes = defineRoutes({
  listConsents: {
    method: 'GET',
    path: '/authority/consents',
    summary: "A street's consent cases by status; pending ones oldest first, each marked overdue past its deadline.",
    access: { roles: ['street-committee', 'street-official', 'district-admin'], jurisdiction: 'subject' },
    query: PageQuery.extend({
      status: z.enum(['pending', 'granted', 'refused']).default('pending'),
      /** Defaults to the caller's own street. */
      street: StreetSchema.optional(),
    }),
    status: 200,
    response: pageOf(ConsentCaseView),
  },
  getConsent: {
    method: 'GET',
    path: '/authority/consents/{id}',
    summary: 'One consent case, with its deadline and whether it is overdue.',
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
    summary: "The street party committee's written consent or refusal; one decision per case.",
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    params: CaseId,
    body: z.strictObject({
      decision: ConsentDecision,
      writtenOpinion: z.string().trim().min(1, 'the written opinion is required').max(10_000),
    }),
    status: 200,
    response: ConsentCaseView,
    examples: { body: { decision: 'granted', writtenOpinion: 'The committee agrees.' } },
  },
});

import * as z from 'zod';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { ConsentDecision } from '../events.ts';

const CaseId = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a consent case id') });

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
  },
});

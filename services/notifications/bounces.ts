import * as z from 'zod/mini';

/**
 * What SES sends the configuration set's EventBridge destination (source `aws.ses`, detail-type
 * `Email Bounced` / `Email Complained`): the SES event in `detail`. Only what decides suppression is read.
 */
const SesEvent = z.looseObject({
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  time: z.string(),
  detail: z.looseObject({
    eventType: z.string(),
    bounce: z.optional(z.looseObject({ bounceType: z.string(), bouncedRecipients: z.array(z.looseObject({ emailAddress: z.string() })) })),
    complaint: z.optional(z.looseObject({ complainedRecipients: z.array(z.looseObject({ emailAddress: z.string() })) })),
  }),
});

export const SES_DETAIL_TYPES = ['Email Bounced', 'Email Complained'] as const;

/** The addresses never to mail again: permanent bounces and complaints. A transient bounce is retried by SES itself. */
export function suppressionsOf(event: unknown): { email: string; reason: string; at: string }[] {
  const parsed = SesEvent.parse(event);
  const { detail, time } = parsed;
  if (detail.eventType === 'Bounce' && detail.bounce?.bounceType === 'Permanent') {
    return detail.bounce.bouncedRecipients.map((r) => ({ email: r.emailAddress, reason: 'bounce', at: time }));
  }
  if (detail.eventType === 'Complaint' && detail.complaint) {
    return detail.complaint.complainedRecipients.map((r) => ({ email: r.emailAddress, reason: 'complaint', at: time }));
  }
  return [];
}

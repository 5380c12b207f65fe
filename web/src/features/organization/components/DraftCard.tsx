import { useState } from 'react';
import { Link } from 'wouter';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { nameOf } from '../../../lib/places.ts';
import { publish, type OfficePosition } from '../api/organization.ts';

/**
 * A draft position and its one action, publishing within the plan. A draft whose window has ended
 * cannot be published (the service refuses it), and says so instead of offering the button; a
 * refusal (too few posts left in the plan) is said beside it in words.
 */
export function DraftCard({ position, now, onPublished }: { position: OfficePosition; now: number; onPublished: (p: OfficePosition) => void }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [offline, setOffline] = useState(false);
  const ended = Date.parse(position.closesAt) <= now;
  const send = async () => {
    setSending(true);
    setOffline(false);
    setRefusal(undefined);
    try {
      onPublished(await publish(position.id));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409) setRefusal(t('organization.drafts.conflict', { street: nameOf(position.street, locale), year: position.year }));
      else if (failure.status === 403) setRefusal(t('organization.drafts.forbidden'));
      else if (failure.status === 404) setRefusal(t('organization.drafts.gone'));
      else setRefusal(failure.problem?.detail ?? failure.message);
    } finally {
      setSending(false);
    }
  };
  const headingId = `draft-${position.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{position.title}</h2>
      <p>
        <span className="tag tag-upcoming">{t('organization.pstatus.draft')}</span> {t(`kind.${position.kind}` as MessageKey)} · {t('organization.quota', { quota: position.quota })}
      </p>
      <p className="hint">{t('organization.window', { opens: format.dateTime(position.opensAt), closes: format.dateTime(position.closesAt) })}</p>
      <p className="hint">{t('organization.drafts.draftedAt', { at: format.dateTime(position.draftedAt) })}</p>
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      {refusal ? (
        <p className="error-message" role="alert">
          {refusal} <Link href="/organization/plan">{t('organization.drafts.seePlan')}</Link>
        </p>
      ) : null}
      {ended ? (
        <p>{t('organization.drafts.ended')}</p>
      ) : (
        <button type="button" disabled={sending} onClick={() => void send()} aria-describedby={headingId}>
          {sending ? t('organization.sending') : t('organization.drafts.publish')}
        </button>
      )}
    </li>
  );
}

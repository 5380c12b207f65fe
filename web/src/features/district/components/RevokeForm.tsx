import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { districtToday } from '../../../lib/places.ts';
import { revokeDelegation, type Delegation } from '../api/district.ts';

/**
 * Revoke a delegation in force from a day, with the reason (authority's route): offered behind a
 * disclosure on each delegation in force; a day before it took effect, or a second revocation, refused in words.
 */
export function RevokeForm({ delegation, onRevoked }: { delegation: Delegation; onRevoked: (d: Delegation) => void }) {
  const t = useT();
  const today = districtToday();
  const [from, setFrom] = useState(today > delegation.effectiveOn ? today : delegation.effectiveOn);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const ids = { from: `revoke-from-${delegation.id}`, reason: `revoke-reason-${delegation.id}` };
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const send = async () => {
    setSending(true);
    setOffline(false);
    try {
      onRevoked(await revokeDelegation(delegation.id, { from, reason: reason.trim() }, key));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 422) setProblems([{ field: ids.from, message: t('district.revoke.beforeEffective') }]);
      else if (failure.status === 409) setProblems([{ field: ids.from, message: t('district.revoke.conflict') }]);
      else setProblems([{ field: ids.reason, message: failure.problem?.detail ?? t('district.v.refused') }]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong: FieldProblem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || from < delegation.effectiveOn) wrong.push({ field: ids.from, message: t('district.revoke.v.from') });
    if (reason.trim().length < 1 || reason.trim().length > 4000) wrong.push({ field: ids.reason, message: t('district.revoke.v.reason') });
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  const changed = () => setKey(idempotencyKey());
  return (
    <details>
      <summary>{t('district.revoke.open', { ref: delegation.decisionRef })}</summary>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <Field id={ids.from} label={t('district.revoke.from')} hint={t('district.revoke.fromHint')} {...opt(errorOf(ids.from))}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              min={delegation.effectiveOn}
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                changed();
              }}
            />
          )}
        </Field>
        <Field id={ids.reason} label={t('district.revoke.reason')} {...opt(errorOf(ids.reason))}>
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                changed();
              }}
            />
          )}
        </Field>
        <button type="submit" className="warning" disabled={sending}>
          {sending ? t('district.sending') : t('district.revoke.submit', { ref: delegation.decisionRef })}
        </button>
      </form>
    </details>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });

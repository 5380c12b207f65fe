import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/Form.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { approve, type Secondment } from '../api/staff.ts';

/**
 * Record the organization department's approval of a secondment that had none: the document's
 * number, checked as the route checks it (1–100 characters once trimmed); the server's refusal beside it.
 */
export function ApproveForm({ item, onApproved }: { item: Secondment; onApproved: (approved: Secondment) => void }) {
  const t = useT();
  const [ref, setRef] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const id = `approval-${item.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = ref.trim();
    if (text.length < 1 || text.length > 100) {
      setError(t('street.staff.v.approvalRef'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    setSending(true);
    try {
      onApproved(await approve(item.id, text));
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure : new ApiError('network');
      setError(
        problem.status === 'network'
          ? t('street.staff.approveNetwork')
          : problem.status === 409
            ? t('street.staff.approveConflict')
            : problem.status === 403
              ? t('street.staff.approveForbidden')
              : (problem.problem?.errors?.[0]?.message ?? problem.problem?.detail ?? problem.message),
      );
      document.getElementById(id)?.focus();
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={id} label={t('street.staff.approvalRef', { name: item.staffName })} hint={t('street.staff.approvalRefHint')} {...(error ? { error } : {})}>
        {(aria) => <input {...aria} type="text" maxLength={100} autoComplete="off" value={ref} onChange={(e) => setRef(e.target.value)} />}
      </Field>
      <button type="submit" disabled={sending}>
        {t('street.staff.approve', { name: item.staffName })}
      </button>
    </form>
  );
}

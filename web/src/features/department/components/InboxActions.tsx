import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { Issue } from '../../street/api/issues.ts';
import { acknowledge, resolve } from '../api/inbox.ts';

function explain(t: ReturnType<typeof useT>, error: unknown): string {
  const failure = error instanceof ApiError ? error : new ApiError('network');
  if (failure.status === 'network') return t('department.inbox.network');
  if (failure.status === 409) return t('department.inbox.conflict');
  if (failure.status === 403) return t('department.inbox.forbidden');
  return failure.problem?.detail ?? failure.message;
}

/**
 * What the department does next with an issue: report in while its part is open; once reported in,
 * resolve it with a note of what it did (checked before sending, the server's refusal beside it).
 */
export function InboxActions({ issue, department, onChanged }: { issue: Issue; department: string; onChanged: (issue: Issue) => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const part = issue.responses[department];
  const id = `resolve-${issue.id}`;
  if (!part || part.status === 'resolved') return null;
  const run = async (action: () => Promise<Issue>) => {
    setSending(true);
    setProblem(undefined);
    try {
      onChanged(await action());
    } catch (error) {
      setProblem(explain(t, error));
    } finally {
      setSending(false);
    }
  };
  if (part.status === 'open') {
    return (
      <div className="actions">
        {problem ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="button" disabled={sending} onClick={() => void run(() => acknowledge(issue.id))}>
          {t('department.inbox.acknowledge', { location: issue.location })}
        </button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (trimmed.length < 1 || trimmed.length > 4_000) {
      setProblem(t('department.v.note'));
      return;
    }
    void run(() => resolve(issue.id, trimmed));
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className={problem ? 'field field-error' : 'field'}>
        <label htmlFor={id}>{t('department.inbox.note')}</label>
        <span className="hint" id={`${id}-hint`}>
          {t('department.inbox.noteHint')}
        </span>
        {problem ? (
          <span className="error-message" id={`${id}-error`} role="alert">
            {problem}
          </span>
        ) : null}
        <textarea
          id={id}
          rows={3}
          value={note}
          aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
          {...(problem ? { 'aria-invalid': true } : {})}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" disabled={sending}>
        {t('department.inbox.resolve', { location: issue.location })}
      </button>
    </form>
  );
}

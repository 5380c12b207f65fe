import { Fragment, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { nameOf } from '../../../lib/places.ts';
import { departmentName } from '../../department/names.ts';
import { runningDeadline, type DepartmentPart, type Issue } from '../api/issues.ts';
import { Countdown } from './Countdown.tsx';

/** A department's part in words: waiting to report in, reported in (late?), resolved with its note, rated. */
export function PartStatus({ part }: { part: DepartmentPart }) {
  const t = useT();
  const format = useFormat();
  const words: string[] = [t(`street.part.${part.status}` as MessageKey)];
  if (part.acknowledgedAt) words.push(t(part.acknowledgedLate ? 'street.part.reportedLate' : 'street.part.reported', { at: format.dateTime(part.acknowledgedAt) }));
  if (part.resolvedAt) words.push(t(part.resolvedLate ? 'street.part.resolvedLate' : 'street.part.resolvedOn', { at: format.dateTime(part.resolvedAt) }));
  if (part.rating) words.push(t('street.part.rated', { score: part.rating }));
  return (
    <>
      {words.join(t('street.separator'))}
      {part.note ? <span className="hint">{t('street.part.note', { note: part.note })}</span> : null}
    </>
  );
}

/**
 * One issue: what and where, its urgency and state, the running deadline counting down (overdue in
 * words and colour), each named department's part, and what the caller may do with it.
 */
export function IssueCard({ issue, department, children }: { issue: Issue; department?: string; children?: ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const running = runningDeadline(issue, department);
  const status = department ? (issue.responses[department]?.status ?? issue.status) : issue.status;
  const titleId = `issue-${issue.id}`;
  return (
    <li className="card issue">
      <h3 id={titleId}>
        {t(`street.category.${issue.category}` as MessageKey)}
        {t('street.separator')}
        {issue.location}
      </h3>
      <p>
        <span className={`tag tag-urgency-${issue.urgency}`}>{t(`street.urgency.${issue.urgency}` as MessageKey)}</span>{' '}
        <span className={`tag tag-status-${status}`}>{t(`street.status.${status}` as MessageKey)}</span>
        {issue.escalation ? (
          <>
            {' '}
            <span className="tag tag-ended">{t('street.escalated')}</span>
          </>
        ) : null}
      </p>
      {running ? <Countdown dueBy={running.dueBy} label={t(`street.deadline.${running.kind}` as MessageKey)} /> : null}
      <p>{issue.description}</p>
      <dl className="facts">
        <dt>{t('street.issue.place')}</dt>
        <dd>{issue.community ? nameOf(issue.community, locale) : nameOf(issue.street, locale)}</dd>
        {issue.propertyCompanyId ? (
          <>
            <dt>{t('street.raise.company')}</dt>
            <dd>
              <Link href={`/companies/${issue.propertyCompanyId}`}>{t('street.issue.company')}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('street.issue.raised')}</dt>
        <dd>
          <time dateTime={issue.raisedAt}>{format.dateTime(issue.raisedAt)}</time>
        </dd>
        {Object.entries(issue.responses).map(([slug, part]) => (
          <Fragment key={slug}>
            <dt>{departmentName(t, slug)}</dt>
            <dd>
              <PartStatus part={part} />
            </dd>
          </Fragment>
        ))}
      </dl>
      {children}
    </li>
  );
}

import { useFormat, useT, type MessageKey } from '../../../i18n/index.tsx';
import type { Compliance } from '../api/sites.ts';

/** The community against the standard, in words: met, not met (which rules), or not yet judged. */
export function ComplianceNote({ compliance }: { compliance: Compliance }) {
  const t = useT();
  const format = useFormat();
  if (compliance.status === 'unassessed') return <p>{t('community.compliance.unassessed', { area: format.number(compliance.totalAreaM2) })}</p>;
  if (compliance.status === 'compliant') return <p>{t('community.compliance.compliant', { area: format.number(compliance.totalAreaM2) })}</p>;
  return (
    <p>
      {t('community.compliance.failing', {
        area: format.number(compliance.totalAreaM2),
        rules: format.list(compliance.failing.map((rule) => t(`community.rule.${rule}` as MessageKey))),
      })}
    </p>
  );
}

import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/** Money is integer fen everywhere in the API; people read yuan (¥1,234.50). */
export function useMoney() {
  const intl = useIntl();
  return useMemo(() => (fen: number) => intl.formatNumber(fen / 100, { style: 'currency', currency: 'CNY' }), [intl]);
}

/** Yuan as typed (`1234.5`, `1,234.50`) → integer fen, or undefined when it is not an amount of at most two decimals. */
export function fenOf(yuan: string): number | undefined {
  const text = yuan.replaceAll(',', '').replaceAll('，', '').trim();
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole, part = ''] = text.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

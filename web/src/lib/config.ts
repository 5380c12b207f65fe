import type { SiteConfig } from '../../../infra/site/headers.ts';

/**
 * The site's configuration, `/config.json`: written by the stack at deploy, served by `npm start`
 * locally. Read once before the app renders; nothing in the bundle names a stage or a pool.
 */
let current: SiteConfig | undefined;

export async function loadConfig(): Promise<SiteConfig> {
  const response = await fetch('/config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  current = (await response.json()) as SiteConfig;
  return current;
}

export function config(): SiteConfig {
  if (!current) throw new Error('the configuration is not loaded yet');
  return current;
}

import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { loadIssuer, type TokenClaims } from '../../../infra/local/issuer.ts';
import { E2E_BASE, E2E_DATA_DIR } from './env.ts';

/**
 * What the officials' pages need in place, put there through the API (as arrange.ts does for part
 * 1), and the accessibility check of a list of pages in both languages.
 */
const issuer = loadIssuer(E2E_DATA_DIR);

export async function as(claims: TokenClaims, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(E2E_BASE + path, {
    method,
    headers: {
      authorization: `Bearer ${await (await issuer).sign(claims)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

export const STREET_OFFICIAL: TokenClaims = { roles: ['street-official'], jurisdiction: 'D01/S03', sub: 'e2e-street-official-s03' };
export const departmentOf = (department: string): TokenClaims => ({ roles: ['department'], jurisdiction: 'D01', department, sub: `e2e-${department}` });

/** A whistle of 南山街道 calling `department`, taken as far as `to`: its id. */
export async function whistle(
  location: string,
  department: string,
  to: 'open' | 'acknowledged' | 'resolved' = 'open',
  description = '楼道照明损坏两周，物业未修复。',
): Promise<string> {
  const issue = await as(STREET_OFFICIAL, 'POST', '/coordination/issues', {
    category: 'property-management',
    urgency: 'general',
    departments: [department],
    description,
    location,
    community: 'D01/S03/C07',
  });
  if (to !== 'open') await as(departmentOf(department), 'POST', `/coordination/issues/${issue.id}/acknowledge`);
  if (to === 'resolved') await as(departmentOf(department), 'POST', `/coordination/issues/${issue.id}/resolve`, { note: '已更换楼道灯具。' });
  return issue.id as string;
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(found, `${what} in ${await page.locator('html').getAttribute('lang')}`).toEqual([]);
}

/** Opens each page in Chinese, then in English, waits for what it is for, and holds it to WCAG 2.2 AA. */
export async function checkPages(page: Page, pages: ReadonlyArray<{ path: string; ready: RegExp; shows?: string }>) {
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.goto(pages[0]!.path);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    for (const { path, ready, shows } of pages) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ready);
      if (shows) await expect(page.locator(shows).first()).toBeVisible();
      await expectNoViolations(page, path);
    }
  }
}

/** A nomination by `department` in `street`, awaiting the street committee's consent: its id. */
export async function nomination(department: string, street: string, agency: string): Promise<string> {
  const made = await as(departmentOf(department), 'POST', '/recruitment/appointments', {
    street,
    agency,
    nominee: { name: '李明' },
    reason: '原负责人调任。',
  });
  return made.id as string;
}

/** A department slug of its own, so that parallel runs never share an agency post. */
export const uniqueDepartment = () => `e2e-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The site registered at `address` in a community (as the street office sees the register): its id and version. */
export async function siteAt(community: string, address: string): Promise<{ id: string; version: number }> {
  const street: TokenClaims = { roles: ['street-official'], jurisdiction: community.split('/').slice(0, 2).join('/'), sub: 'e2e-street-official' };
  const { items } = await as(street, 'GET', `/premises/communities/${community.replaceAll('/', '-')}/sites`);
  const found = (items as Array<{ id: string; address: string; version: number }>).find((s) => s.address === address);
  if (!found) throw new Error(`no site at ${address}`);
  return found;
}

/** Someone else (the street office) changes a site meanwhile: its version moves on. */
export async function changeSiteMeanwhile(community: string, id: string, version: number, body: object): Promise<void> {
  const street: TokenClaims = { roles: ['street-official'], jurisdiction: community.split('/').slice(0, 2).join('/'), sub: 'e2e-street-official' };
  await as(street, 'PATCH', `/premises/sites/${id}`, { version, ...body });
}

/** A work item pushed by `department` onto a community, from an access-list item that department may push. */
export async function workItem(code: string, department: string, community: string, title: string): Promise<void> {
  await as(departmentOf(department), 'POST', '/coordination/work-items', { code, community, title, description: '请在月底前完成入户核查并上报。' });
}

/** A site of a community, registered by the street office: its id. */
export async function registeredSite(community: string, address: string): Promise<string> {
  const street: TokenClaims = { roles: ['street-official'], jurisdiction: community.split('/').slice(0, 2).join('/'), sub: 'e2e-street-official' };
  const record = await as(street, 'POST', '/premises/sites', {
    community,
    address,
    areaM2: 420,
    residentActivityAreaM2: 260,
    tenure: 'owned',
    uses: ['office', 'resident-activity'],
  });
  return record.site.id as string;
}

/** A department's evaluation of a unit in 南山街道, asking the street for its written opinion: its title. */
export async function evaluation(title: string, department = 'market-supervision'): Promise<string> {
  await as(departmentOf(department), 'POST', '/authority/evaluations', {
    title,
    period: `${new Date().getFullYear()}-H2`,
    units: [{ street: 'D01/S03', name: '南山市场监督管理所' }],
  });
  return title;
}

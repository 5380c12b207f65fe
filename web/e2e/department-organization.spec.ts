import { expect, test, type Page } from '@playwright/test';
import { tabTo as tabToName } from './support/keyboard.ts';
import type { TokenClaims } from '../../infra/local/issuer.ts';
import { accessItem, publishedPosition, unique } from './support/arrange.ts';
import { signIn } from './support/browser.ts';
import { as, checkPages, departmentOf, expectNoViolations } from './support/officials.ts';

/** The department's work items, the organization department's drafts, the district's power catalog: axe in both languages, and by keyboard alone. */
const ORG: TokenClaims = { roles: ['organization-dept'], jurisdiction: 'D01', sub: 'e2e-organization-dept' };

async function aDraft(title: string): Promise<void> {
  await publishedPosition({ title: unique('计划占位岗位') }); // the year's plan, once
  const opens = Date.now() + 86_400_000;
  await as(ORG, 'POST', '/recruitment/positions', {
    title,
    street: 'D01/S03',
    kind: 'community-worker',
    quota: 1,
    eligibility: { sourcePools: ['community-worker'] },
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(opens + 20 * 86_400_000).toISOString(),
  });
}

test('the department’s work items pass axe (WCAG 2.2 AA) in Chinese and English, with items in both states and the form’s errors', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  const code = await accessItem(['market-supervision']);
  const market = departmentOf('market-supervision');
  // The second is not on the list: a 422 (blocked), which `as` throws on; it is recorded all the same.
  const push = (c: string) =>
    as(market, 'POST', '/coordination/work-items', { code: c, community: 'D01/S03/C07', title: '代收备案材料', description: '请按要求完成。' }).catch(() => undefined);
  await Promise.all([push(code), push(`SC-${Date.now().toString(36).toUpperCase()}`)]);
  await page.goto('/department/work');
  await signIn(page, '吴刚 Wu Gang');
  await checkPages(page, [
    { path: '/department/work', ready: /区市场监督管理局：工作事项|Market Supervision Bureau: work items/, shows: 'li.card' },
    { path: '/department/work?status=blocked', ready: /区市场监督管理局：工作事项|Market Supervision Bureau: work items/, shows: 'li.card' },
  ]);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(page, 'the work-item form with its errors');
});

test('the department’s evaluations pass axe (WCAG 2.2 AA) in Chinese and English, waiting and with the form’s errors', async ({ page }) => {
  test.slow();
  await as(departmentOf('market-supervision'), 'POST', '/authority/evaluations', {
    title: unique('无障碍检查评价'),
    period: '2026-H1',
    units: [{ street: 'D01/S03', name: '南山市场监管所' }],
  });
  await page.goto('/department/evaluations');
  await signIn(page, '吴刚 Wu Gang');
  await checkPages(page, [{ path: '/department/evaluations', ready: /派驻单位评价|evaluations of stationed units/, shows: 'li.card .countdown' }]);
  await page.getByRole('button', { name: 'Ask the streets', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(page, 'the evaluation form with its errors');
});

test('the organization department’s drafts pass axe (WCAG 2.2 AA) in Chinese and English', async ({ page }) => {
  test.slow();
  await aDraft(unique('南山街道档案管理岗'));
  await page.goto('/organization/positions?street=D01%2FS03&status=draft');
  await signIn(page, '冯敏 Feng Min');
  await checkPages(page, [{ path: '/organization/positions?street=D01%2FS03&status=draft', ready: /岗位与录用|Positions and hiring/, shows: 'li.card button' }]);
});

test('the district admin’s power catalog and access list pass axe (WCAG 2.2 AA) in Chinese and English, with the form’s errors', async ({ page }) => {
  test.slow();
  await page.goto('/district/powers');
  await signIn(page, '高远 Gao Yuan');
  await checkPages(page, [
    { path: '/district/access-list', ready: /工作事项准入清单|The work-item access list/, shows: 'form' },
    { path: '/district/powers?domain=law-enforcement', ready: /权力清单|The power catalog/, shows: 'form' },
    { path: '/district/powers', ready: /权力清单|The power catalog/, shows: 'form' },
  ]);
  await page.getByRole('button', { name: 'Enter it', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(page, 'the power form with its errors');
});

/** At most 120 presses on this spec's pages (support/keyboard.ts). */
const tabTo = (page: Page, name: RegExp, max = 120) => tabToName(page, name, max);

test('a department sends a work item and an organization officer publishes a draft, by keyboard alone, with focus always visible', async ({ browser }) => {
  const code = await accessItem(['market-supervision'], unique('键盘派发事项'));
  const title = unique('南山街道键盘草稿岗');
  await aDraft(title);

  const department = await (await browser.newContext()).newPage();
  await department.goto('/department/work');
  await tabTo(department, /^登录$/);
  await department.keyboard.press('Enter');
  await expect(department.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(department, /吴刚 Wu Gang/);
  await department.keyboard.press('Enter');
  await expect(department.getByRole('heading', { level: 1, name: '区市场监督管理局：工作事项' })).toBeVisible();
  await tabTo(department, /^事项编号/);
  await department.keyboard.type(code);
  await expect(department.getByLabel('标题')).toHaveValue(/键盘派发事项/);
  await tabTo(department, /^派发$/);
  await department.keyboard.press('Enter');
  await expect(department.getByRole('main').getByRole('status').first()).toContainText(`${code} 已送达`);

  const org = await (await browser.newContext()).newPage();
  await org.goto('/organization/positions?street=D01%2FS03&status=draft');
  await tabTo(org, /^登录$/);
  await org.keyboard.press('Enter');
  await expect(org.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(org, /冯敏 Feng Min/);
  await org.keyboard.press('Enter');
  await expect(org.getByRole('heading', { level: 2, name: title })).toBeVisible();
  // Each card's button is named by its heading too; tab to the one under this draft.
  const button = org.getByRole('listitem').filter({ has: org.getByRole('heading', { name: title }) }).getByRole('button', { name: '发布' });
  for (let i = 0; i < 200 && !(await button.evaluate((el) => el === document.activeElement)); i += 1) await org.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await org.keyboard.press('Enter');
  await expect(org.getByRole('main').getByRole('status')).toContainText(`“${title}”已在南山街道发布`);
});

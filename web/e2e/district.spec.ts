import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { delegatedPower, unique } from './support/arrange.ts';
import { signIn } from './support/browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(found, `${what} in ${await page.locator('html').getAttribute('lang')}`).toEqual([]);
}

test("the district admin's meeting pages pass axe (WCAG 2.2 AA) in Chinese and English, forms' errors shown", async ({ page }) => {
  // Eight pages and states, each checked by axe twice: on a busy machine that outlasts the default.
  test.setTimeout(240_000);
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '联席会议' }).click();
  await page.getByLabel('会议名称').fill('无障碍检查会议');
  await page.getByLabel('南山街道').check();
  await page.getByRole('button', { name: '召集会议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '无障碍检查会议' })).toBeVisible();
  const meeting = page.url();
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    await page.goto('/district/meetings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/联席会议|Joint meetings/);
    await expectNoViolations(page, '/district/meetings');
    await page.getByRole('button', { name: /召集会议|Convene the meeting/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'the convene form with its errors');
    await page.goto(meeting);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('无障碍检查会议');
    await expectNoViolations(page, 'a meeting');
    await page.getByRole('button', { name: /记录决定|Record the decision/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'the decision form with its errors');
    await page.goto('/district/delegations');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/权力下放|Delegations of powers/);
    await expectNoViolations(page, '/district/delegations');
    await page.getByRole('button', { name: /^(下放|Delegate)$/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'the delegation form with its errors');
  }
});

test('the district admin delegates a power to a street and sees it in force, then what the street holds that day', async ({ page }) => {
  const code = await delegatedPower('D01/S02', '2025-01-01');
  const ref = unique('青政〔2026〕');
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '权力下放' }).click();
  await page.getByLabel('决定文号').fill(ref);
  await page.getByLabel('生效日期').fill('2026-01-01');
  await page.getByRole('checkbox', { name: new RegExp(`^${code} `) }).check();
  await page.getByRole('group', { name: '下放给哪些街道（镇）' }).getByRole('checkbox', { name: '北桥镇' }).check();
  await page.getByRole('button', { name: '下放', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(`已受理 ${ref}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: ref }) });
  // Written in steps by authority's consumer; the page polls until it is in force.
  await expect(card).toContainText('已生效 · 自 2026年1月1日 起生效', { timeout: 60_000 });
  await card.getByRole('link', { name: '北桥镇' }).click();
  await expect(page.getByRole('cell', { name: code })).toBeVisible();
});

test("departments' performance side by side: a chart with its table, axe clean in both languages", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '部门绩效' }).click();
  await page.getByLabel('比较的部门').fill('market-supervision, sanitation, Housing');
  await page.getByRole('button', { name: '比较', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('请填写 1 至 12 个部门代码');
  await page.getByLabel('比较的部门').fill('market-supervision, sanitation');
  await page.getByRole('button', { name: '比较', exact: true }).click();
  await expect(page.getByRole('img', { name: /部门三项比率对比/ })).toBeVisible();
  const table = page.getByRole('table', { name: '部门三项比率及超期情况' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('rowheader', { name: 'sanitation' })).toBeVisible();
  await expectNoViolations(page, '/district/performance');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('img', { name: /Three rates per department/ })).toBeVisible();
  await expectNoViolations(page, '/district/performance');
});

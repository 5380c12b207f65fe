import { expect, test } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { pool } from '../support/arrange-finance.ts';
import { failingCommunity } from '../support/arrange-street.ts';
import { signIn } from '../support/browser.ts';

/**
 * The street official's premises, through the browser only (desktop, and a phone at 360 px): a
 * community short of the standard, each rule with its numbers; a remediation plan asking money
 * (the form checked first); finance approves it from the street's pool in its own console; the
 * plan then shows funding's answer. And the street's money by category.
 */
test('a failing community’s rules with their numbers → a remediation plan asking money → approved by finance → the plan shows the money', async ({ page, browser }) => {
  test.slow(); // two people's consoles, and funding's answer travels back by the bus
  const purpose = unique('南湖社区活动室扩建');
  const poolName = unique('南山阵地建设资金池');
  await Promise.all([failingCommunity(), pool('D01/S03', poolName, 80_000_000)]);

  await page.goto('/');
  await signIn(page, '刘洋 Liu Yang');
  await page.getByRole('link', { name: '阵地达标' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南山街道：社区阵地达标情况' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: '南湖社区' }) });
  const rules = card.getByRole('table', { name: '南湖社区：每条规则' });
  await expect(rules.getByRole('row', { name: /每百户用房面积/ })).toContainText('不达标');
  await expect(rules.getByRole('row', { name: /每百户用房面积/ })).toContainText(
    // One site of 80 m² (two, if two journeys registered it at once) for 2,400 households.
    /共 (80|160) 平方米，2,400 户；按每百户 30 平方米，应有 720 平方米，还差 (640|560) 平方米。/,
  );
  await expect(rules.getByRole('row')).toHaveCount(6);

  const due = new Date(Date.now() + 8 * 3_600_000 + 90 * 86_400_000).toISOString().slice(0, 10);
  await card.getByRole('button', { name: '提交南湖社区的整改计划' }).click();
  await expect(card.getByRole('heading', { name: '有问题需要处理' })).toBeVisible();
  await expect(card.getByText('请写明整改计划（最多 4000 字）。').first()).toBeVisible();
  await card.getByLabel('整改计划', { exact: true }).fill('租用相邻的 300 平方米用房，改作居民活动室。');
  await card.getByLabel('完成期限').fill(due);
  await card.getByLabel('申请资金（元，可不填）').fill('12万');
  await card.getByRole('button', { name: '提交南湖社区的整改计划' }).click();
  await expect(card.getByText('请按元填写金额，最多两位小数，例如 120000.50。').first()).toBeVisible();
  await card.getByLabel('申请资金（元，可不填）').fill('120000');
  await card.getByLabel('资金用途（可不填）').fill(purpose);
  await card.getByRole('button', { name: '提交南湖社区的整改计划' }).click();
  const plan = card.getByRole('listitem').filter({ hasText: purpose });
  await expect(plan).toContainText('申请 ¥120,000.00，等待财政答复。');

  // Finance, in its own console, approves the request from the street's pool.
  const finance = await (await browser.newContext()).newPage();
  await finance.goto('/');
  await signIn(finance, '何平 He Ping');
  await finance.getByRole('link', { name: '资金申请' }).click();
  const request = finance.getByRole('article', { name: purpose });
  await expect(async () => {
    await finance.reload();
    await expect(request).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(request.getByText(/来源：南湖社区的用房整改方案/)).toBeVisible();
  await request.getByLabel('同意，从资金池拨付').check();
  await request.getByLabel('从哪个资金池拨付').selectOption({ label: `${poolName}（余额 ¥800,000.00）` });
  await request.getByRole('button', { name: '提交决定' }).click();
  await expect(finance.getByRole('main').getByRole('status')).toHaveText(`已同意“${purpose}”，拨付 ¥120,000.00。`);

  // Funding's answer reaches premises by the bus: the plan shows it.
  await expect(async () => {
    await page.reload();
    await expect(plan).toContainText('申请 ¥120,000.00，财政已分配 ¥120,000.00。', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The street's money by category, its own street only.
  await page.getByRole('link', { name: '经费' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南山街道：经费' })).toBeVisible();
  await expect(page.getByLabel('街道（镇）')).toHaveCount(0);
  await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: poolName }) })).toContainText('¥120,000.00');
});

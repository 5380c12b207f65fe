import { expect, test } from '@playwright/test';
import { publishedPosition, unique } from '../support/arrange.ts';
import { signIn } from '../support/browser.ts';

/**
 * The organization department's drafts, through the browser only (desktop, and a phone at 360 px):
 * a position drafted and kept for later, found among the street's drafts, and published from there.
 */
test('the organization department keeps a draft for later, finds it among the street’s drafts and publishes it', async ({ page }) => {
  await publishedPosition({ title: unique('计划占位岗位') }); // the year's plan, once
  const title = unique('南山街道退役军人服务专干');
  await page.goto('/');
  await signIn(page, '冯敏 Feng Min');
  await page.getByRole('link', { name: '岗位与录用' }).click();
  await page.getByLabel('岗位名称').fill(title);
  await page.getByLabel('街道（镇）', { exact: true }).last().selectOption({ label: '南山街道' });
  const closes = new Date(Date.now() + 8 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('报名截止日期').fill(closes);
  await page.getByLabel('社区工作者', { exact: true }).check();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(`草稿已保存：${title}`);
  await page.getByRole('button', { name: '先存为草稿，再拟一个' }).click();
  await expect(page.getByLabel('岗位名称')).toHaveValue('');

  // The street's drafts: not on the job board, published from here.
  await page.getByLabel('街道（镇）', { exact: true }).first().selectOption({ label: '南山街道' });
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await page.getByRole('link', { name: '草稿', exact: true }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card).toContainText('草稿');
  await card.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(`“${title}”已在南山街道发布`);
  await expect(page).toHaveURL(/status=published/);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('link', { name: '草稿', exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
});

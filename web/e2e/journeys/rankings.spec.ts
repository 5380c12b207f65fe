import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { reportedIssue } from '../support/arrange.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test('anyone reads the monthly rankings (chart and table, departments and streets) and the open-data index, in Chinese and English, at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await reportedIssue('market-supervision');
  await page.goto('/');
  await page.getByRole('link', { name: '月度排名' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月度排名：三率' })).toBeVisible();
  // The report-in reaches the ranking through the bus: wait for it, reloading.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('rowheader', { name: 'market-supervision' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: /综合得分条形图/ })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => v.id)).toEqual([]);
  // No horizontal scrolling of the page at 360 px (the table scrolls in its own region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByLabel('排名对象', { exact: true }).selectOption('streets');
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(/of=streets/);
  await expect(page.getByRole('rowheader', { name: '南山街道' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monthly rankings: the three rates' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download this table as CSV' })).toHaveAttribute('href', /format=csv/);
  expect((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => v.id)).toEqual([]);

  await page.getByRole('link', { name: 'Open data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'The index of the datasets as JSON' })).toHaveAttribute('href', '/open-data/index.json');
  expect((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => v.id)).toEqual([]);
});

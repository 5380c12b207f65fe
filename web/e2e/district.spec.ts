import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
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
  }
});

import { expect, test, type Page } from '@playwright/test';
import { tabTo as tabToName } from './support/keyboard.ts';
import { departmentAssessment } from './support/arrange-street.ts';

/** At most 200 presses on this spec's pages (support/keyboard.ts). */
const tabTo = (page: Page, name: RegExp, max = 200) => tabToName(page, name, max);

test('the street committee assesses a stationed member by keyboard alone, with focus always visible', async ({ page }) => {
  const member = `S03-KB-${Date.now().toString(36).toUpperCase()}`;
  const period = `${new Date().getFullYear()}-Q1`;
  await departmentAssessment(member, period, 'sanitation');
  await page.goto('/committee/assessments');
  await tabTo(page, /^登录$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(page, /孙丽 Sun Li/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '南山街道党工委：派驻人员双重考核' })).toBeVisible();

  const score = new RegExp(`^街道对${member}（${period}）的打分$`);
  await tabTo(page, score);
  await page.keyboard.type('79');
  await page.keyboard.press('Tab'); // the comment of the same card
  await expect(page.locator(':focus')).toHaveAttribute('id', `assess-${member}-${period}-comment`);
  await page.keyboard.type('配合街道完成环境整治。');
  await tabTo(page, new RegExp(`^提交对${member}的考核$`));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('status').first()).toContainText(`已记录街道对${member}（${period}）的考核，综合得分`);
});

import { expect, test, type Page } from '@playwright/test';
import { departmentAssessment } from './support/arrange-street.ts';

/** Presses Tab until the focused element's name matches, checking that focus is visible there (as keyboard-officials.spec.ts does). */
async function tabTo(page: Page, name: RegExp, max = 200): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute('aria-label') ?? label ?? el.innerText ?? '',
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)',
      };
    });
    if (focused && name.test(focused.name.trim())) {
      expect(focused.visible, `focus visible on ${name}`).toBe(true);
      return;
    }
  }
  throw new Error(`no focusable element ${name} within ${max} tabs`);
}

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

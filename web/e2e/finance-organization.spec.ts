import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { publishedPosition, unique } from './support/arrange.ts';
import { fundingRequest, pool } from './support/arrange-finance.ts';
import { signIn } from './support/browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(found, `${what} in ${await page.locator('html').getAttribute('lang')}`).toEqual([]);
}

/** Presses Tab until the focused element's name matches, with its focus visible. */
async function tabTo(page: Page, name: RegExp, inside?: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((inside) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const label = (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined) ?? el.closest('label')?.textContent;
      const style = getComputedStyle(el);
      // Within one card (an article whose heading names it), when the same control is on every card.
      if (inside && !el.closest('article')?.querySelector('h2')?.textContent?.includes(inside)) return undefined;
      return {
        name: el.getAttribute('aria-label') ?? label ?? el.innerText ?? '',
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)',
      };
    }, inside);
    if (focused && name.test(focused.name.trim())) {
      expect(focused.visible, `focus visible on ${name}`).toBe(true);
      return;
    }
  }
  throw new Error(`no focusable element ${name} within ${max} tabs`);
}

test("finance's pages pass axe (WCAG 2.2 AA) in Chinese and English, with a form's errors shown", async ({ page }) => {
  test.setTimeout(240_000);
  const purpose = unique('书院社区照明改造');
  await pool('D01/S03', unique('南山无障碍资金池'), 30_000_000);
  await fundingRequest('D01/S03', purpose, 5_000_000);
  await page.goto('/');
  await signIn(page, '何平 He Ping');
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    for (const [path, title] of [
      ['/finance/requests', /资金申请|Funding requests/],
      ['/finance/requests?status=approved', /资金申请|Funding requests/],
      ['/finance/streets?street=D01%2FS03', /预算与资金池|Budgets and pools/],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.loading')).toHaveCount(0);
      await expectNoViolations(page, path);
    }
    await page.goto('/finance/requests');
    const card = page.getByRole('article', { name: purpose });
    await card.getByRole('button', { name: /提交决定|Send the decision/ }).click();
    await expect(card.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'a decision with its errors');
    await page.goto('/finance/streets?street=D01%2FS03');
    await page.getByRole('button', { name: /查看“|Show where/ }).first().click();
    await expectNoViolations(page, 'a pool with its allocations');
  }
});

test('finance declines a request by keyboard alone, with focus always visible', async ({ page }) => {
  const purpose = unique('桂花社区健身步道');
  await pool('D01/S03', unique('南山键盘资金池'), 30_000_000);
  await fundingRequest('D01/S03', purpose, 7_000_000);
  await page.goto('/');
  await tabTo(page, /^登录$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(page, /何平 He Ping/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /我的账号/ })).toBeVisible();
  await tabTo(page, /^资金申请$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '资金申请' })).toBeFocused();
  const card = page.getByRole('article', { name: purpose });
  // Into this request's form: its "approve" radio, then the arrow key moves to "decline".
  await tabTo(page, /同意，从资金池拨付/, purpose);
  await page.keyboard.press('ArrowDown');
  await expect(card.getByLabel('不予安排', { exact: true })).toBeChecked();
  await tabTo(page, /^不予安排的理由/, purpose);
  await page.keyboard.type('与已批复的项目重复。');
  await tabTo(page, /^提交决定$/, purpose);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`已决定不安排“${purpose}”。`);
});

test("the organization department's pages pass axe (WCAG 2.2 AA) in Chinese and English", async ({ page }) => {
  test.setTimeout(240_000);
  const id = await publishedPosition({ title: unique('无障碍检查岗位') });
  await page.goto('/');
  await signIn(page, '冯敏 Feng Min');
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    for (const [path, title] of [
      ['/organization/plan', /年度招聘计划|recruitment plan/],
      ['/organization/positions?street=D01%2FS03', /岗位与录用|Positions and hiring/],
      [`/organization/positions/${id}`, /无障碍检查岗位/],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.loading')).toHaveCount(0);
      await expectNoViolations(page, path);
    }
    await page.getByRole('button', { name: /查看排名结果|Show the ranking/ }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoViolations(page, 'the ranking before closing');
    await page.goto('/organization/positions?street=D01%2FS03');
    await page.getByRole('button', { name: /保存草稿|Save the draft/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'the draft form with its errors');
  }
});

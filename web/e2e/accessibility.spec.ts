import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accessItem, delegatedPower, propertyCompany, publicRoom, publishedPosition, unique } from './support/arrange.ts';
import { ACCOUNTS, signIn } from './support/browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
// Each test runs axe on many pages in two languages: on a busy machine that outlasts the default 90 s.
test.describe.configure({ timeout: 240_000 });

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(found, `${what} in ${await page.locator('html').getAttribute('lang')}`).toEqual([]);
}

/** Opens each page in Chinese, then all again in English, and holds each to WCAG 2.2 AA. */
async function checkPages(page: Page, pages: ReadonlyArray<{ path: string; ready: RegExp; shows?: string }>) {
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
      if (shows) {
        // What the page is for (a table of powers written a moment ago, say) is there before axe looks.
        await expect(async () => {
          await page.reload();
          await expect(page.locator(shows).first()).toBeVisible({ timeout: 2_000 });
        }).toPass({ timeout: 30_000 });
      }
      await expectNoViolations(page, path);
    }
  }
}

test('every public page passes axe (WCAG 2.2 AA) in Chinese and English', async ({ page }) => {
  test.slow(); // eight pages, axe on each in two languages: on a busy machine that is minutes
  const title = unique('社区事务专员');
  const id = await publishedPosition({ title });
  const company = await propertyCompany(unique('青山物业'));
  await Promise.all([delegatedPower('D01/S02', '2025-01-01'), accessItem()]);
  await checkPages(page, [
    { path: '/', ready: /招聘岗位|Jobs/, shows: 'ul.cards li' },
    { path: `/jobs/${id}`, ready: new RegExp(title) },
    { path: '/powers?street=D01%2FS02&on=2026-01-01', ready: /街道（镇）持有的权力|What a street holds/, shows: 'table' },
    { path: '/access-list', ready: /工作事项准入清单|access list/, shows: 'table' },
    { path: `/companies/${company}`, ready: /青山物业/ },
    { path: '/me', ready: /我的账号|My account/ },
    { path: '/no-such-page', ready: /找不到页面|Page not found/ },
    { path: '/jobs/01J9ZQ3K4M5N6P7Q8R9S0T1V2W', ready: /找不到页面|Page not found/ },
  ]);
});

test('every resident page passes axe (WCAG 2.2 AA) in Chinese and English, errors shown too', async ({ page }) => {
  const title = unique('网格管理员');
  const id = await publishedPosition({ title });
  const room = unique('议事厅');
  const roomId = await publicRoom(room);
  await page.goto('/');
  await signIn(page, ACCOUNTS.liQiang);
  await checkPages(page, [
    { path: `/jobs/${id}/apply`, ready: new RegExp(title) },
    { path: '/rooms?street=D01%2FS03', ready: /预约会议室|Book a room/ },
    { path: `/rooms/${roomId}`, ready: new RegExp(room) },
    { path: '/me/applications', ready: /我的申请|My applications/ },
    { path: '/me', ready: /我的账号|My account/ },
  ]);
  await page.goto(`/jobs/${id}/apply`);
  await page.getByRole('button', { name: 'Submit the application' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(page, 'the application form with its errors');
});

test("the local provider's sign-in page and the app's registration page, with its errors and its code step, pass axe", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await expectNoViolations(page, 'the sign-in page');
  await page.getByRole('link', { name: '居民注册', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '居民注册' })).toBeVisible();
  await expectNoViolations(page, 'the registration page');
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByRole('heading', { name: '有问题需要处理' })).toBeVisible();
  await expectNoViolations(page, 'the registration page with its errors');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('E-mail address').fill(`axe-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}@example.com`);
  await page.getByLabel('Name').fill('Axe Checker');
  await page.getByLabel('Password').fill('Correct-Horse-9x');
  await page.getByLabel('Your street or town').selectOption({ label: 'Nanshan Street' });
  await page.getByLabel('Your community').selectOption({ label: 'Heping Community' });
  await expectNoViolations(page, 'the registration page in English');
  await page.getByRole('button', { name: 'Send the code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your e-mail address' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.locator('#code-error')).toHaveText('Enter the 6-digit code from the e-mail');
  await expectNoViolations(page, 'the code step with its error');
});

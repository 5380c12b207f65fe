import { expect, test } from '@playwright/test';
import { publishedPosition, unique } from './support/arrange.ts';
import { ACCOUNTS, signIn } from './support/browser.ts';

test('a page the app does not have is a clear 404, and an API path is never the app', async ({ page }) => {
  await page.goto('/nothing/here');
  await expect(page.getByRole('heading', { level: 1, name: '找不到页面' })).toBeVisible();
  const api = await page.request.get('/recruitment/nothing-here');
  expect([api.status(), await api.json()]).toEqual([404, { message: 'Not Found' }]);
});

test('a page that needs sign-in says so and offers it', async ({ page }) => {
  await page.goto('/me/applications');
  await expect(page.getByRole('heading', { level: 1, name: '需要登录' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
});

test('a network failure while applying keeps what was typed, and retrying sends it', async ({ page }) => {
  const id = await publishedPosition({ title: unique('断网重试岗位') });
  await page.goto(`/jobs/${id}`);
  await signIn(page, ACCOUNTS.wangFang);
  await page.getByRole('link', { name: '申请这个岗位' }).click();
  await page.getByLabel('姓名').fill('王芳');
  await page.getByLabel('出生日期').fill('1995-06-01');
  await page.getByLabel('最高学历').selectOption({ label: '本科' });
  await page.getByLabel('目前身份').selectOption({ label: '社区工作者' });
  await page.getByLabel('工作年限（年）').fill('5');
  await page.route('**/recruitment/positions/*/applications', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page.getByRole('heading', { name: '无法连接到服务器' })).toBeVisible();
  await expect(page.getByLabel('工作年限（年）')).toHaveValue('5');
  await page.unroute('**/recruitment/positions/*/applications');
  await page.getByRole('button', { name: '重试' }).click();

  await expect(page.getByText('资格审核通过。下一步是考试')).toBeVisible();
});

test('signing out ends the session at the provider too', async ({ page }) => {
  await page.goto('/');
  await signIn(page, ACCOUNTS.wangFang);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '是，退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByRole('button', { name: '登录' }).click();
  // The provider asks again which account: its session ended, it does not sign the user straight back in.
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
});

test("a page the account may not see says so: a department's official opening a resident's applications", async ({ page }) => {
  await page.goto('/');
  await signIn(page, '吴刚 Wu Gang');
  await page.goto('/me/applications');
  await expect(page.getByRole('heading', { level: 1, name: '没有权限' })).toBeVisible();
  await expect(page.getByText('你的账号不能查看或进行这项操作。')).toBeVisible();
});

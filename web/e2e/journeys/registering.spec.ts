import { expect, test, type Page } from '@playwright/test';
import { publishedPosition, unique } from '../support/arrange.ts';
import { codeTo } from '../support/mailbox.ts';

/**
 * A resident registers on the app's own page, which calls the user pool's SignUp and ConfirmSignUp
 * — locally the runtime's endpoint for them, running the pool's own pre sign-up trigger — reads
 * the code in the local mailbox, and signs in through the normal OpenID flow.
 */
const PASSWORD = 'Correct-Horse-9x';
const address = (what: string) => `${unique(what).replaceAll(' ', '-').replace(/[^\w-]/g, '')}@example.com`.toLowerCase();

/** The code in the newest e-mail to the address, read in the local mailbox as a developer would. */
const codeFrom = (page: Page, email: string) => codeTo(page, email);

async function fillDetails(page: Page, details: { email: string; name: string; street: string; community: string }) {
  await page.getByLabel('电子邮箱').fill(details.email);
  await page.getByLabel('姓名').fill(details.name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('所在街道（镇）').selectOption({ label: details.street });
  await page.getByLabel('所在社区').selectOption({ label: details.community });
  await page.getByRole('button', { name: '发送验证码' }).click();
}

test('a resident registers on the app page with a verified e-mail address in a listed community, signs in and is a resident there', async ({ page }) => {
  const email = address('resident');
  const name = unique('孙悦');
  const title = unique('居民注册后申请');
  const id = await publishedPosition({ title });
  await page.goto(`/jobs/${id}`);
  await page.getByRole('link', { name: '还没有账号？居民注册' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '居民注册' })).toBeVisible();
  // The communities are those of the street chosen first.
  await expect(page.getByLabel('所在社区').locator('option')).toHaveCount(1);
  await fillDetails(page, { email, name, street: '南山街道', community: '和平社区' });
  await expect(page.getByRole('heading', { level: 1, name: '验证电子邮箱' })).toBeVisible();
  await expect(page.getByText(/我们已向 .\*\*\*@e\*\*\* 发送了 6 位验证码/)).toBeVisible();

  await page.getByLabel('验证码').fill(await codeFrom(page, email));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '注册完成' })).toBeVisible();
  await expect(page.getByText('你已注册为和平社区的居民。')).toBeVisible();

  // The normal OpenID sign-in: the provider's page offers the new resident.
  await page.getByRole('main').getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`申请：${title}`) })).toBeVisible();
  await page.getByRole('link', { name: /我的账号/ }).click();
  await expect(page.getByRole('definition').filter({ hasText: '居民' })).toBeVisible();
  await expect(page.getByText('和平社区 (D01/S03/C07)')).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});

test('a wrong code is explained beside the field and registers nobody; the right one then does', async ({ page }) => {
  const email = address('wrong-code');
  const name = unique('钱多').replaceAll(' ', '');
  await page.goto('/');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  // The local provider's registration link is the app's page, as managed login's is not used for it.
  await page.getByRole('link', { name: '居民注册', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '居民注册' })).toBeVisible();
  await fillDetails(page, { email, name, street: '北桥镇', community: '北桥村' });
  const code = await codeFrom(page, email);
  await page.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.locator('#code-error')).toHaveText('验证码不正确，请核对邮件中的 6 位数字');
  await expect(page.getByRole('heading', { name: '有问题需要处理' })).toBeVisible();

  // Not yet an account: the sign-in page does not offer it.
  const other = await page.context().newPage();
  await other.goto('/');
  await other.getByRole('button', { name: '登录' }).click();
  await expect(other.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await expect(other.getByRole('button', { name: new RegExp(name) })).toHaveCount(0);
  await other.close();

  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '注册完成' })).toBeVisible();
  await expect(page.getByText('你已注册为北桥村的居民。')).toBeVisible();
});

test('an e-mail address already registered is explained beside the field, with the way to sign in or type the code', async ({ page }) => {
  await page.goto('/register');
  await fillDetails(page, { email: 'resident-wang-fang@five-haves.local', name: '王芳', street: '南山街道', community: '和平社区' });
  await expect(page.locator('#email-error')).toHaveText(/这个电子邮箱已经注册。请直接登录/);
  await expect(page.getByLabel('电子邮箱')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: '我已收到验证码' })).toBeVisible();
  // What was typed stays.
  await expect(page.getByLabel('姓名')).toHaveValue('王芳');
  await expect(page.getByLabel('所在社区')).toHaveValue('D01/S03/C07');
});

test("a password the pool's policy refuses is explained beside the field before anything is sent", async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('电子邮箱').fill(address('weak'));
  await page.getByLabel('姓名').fill('周乐');
  await page.getByLabel('密码').fill('short');
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.locator('#password-error')).toHaveText(/密码至少 12 个字符/);
  await expect(page.locator('#street-error')).toHaveText('请选择你所在的街道（镇）');
});

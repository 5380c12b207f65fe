import { expect, test } from '@playwright/test';
import { publishedPosition, unique } from '../support/arrange.ts';

test('a resident registers with a verified e-mail address in a listed community, and is signed in as a resident there', async ({ page }) => {
  const email = `${unique('resident').replaceAll(' ', '-').replace(/[^\w-]/g, '')}@example.com`.toLowerCase();
  const id = await publishedPosition({ title: unique('居民注册后申请') });
  await page.goto(`/jobs/${id}`);
  await page.getByRole('button', { name: '登录后申请' }).click();
  await page.getByRole('link', { name: '居民注册', exact: true }).click();
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('姓名').fill('孙悦');
  await page.getByLabel(/所在社区/).selectOption({ label: '和平社区' });
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByRole('heading', { name: '验证电子邮箱' })).toBeVisible();

  // The code arrives in the local mailbox, which a developer reads in the browser.
  const mailbox = await page.context().newPage();
  await mailbox.goto('/_local/mail');
  const mail = mailbox.locator('article').filter({ hasText: email }).first();
  const code = /\d{6}/.exec((await mail.getByRole('heading').innerText()) ?? '')![0];
  await mailbox.close();

  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '验证并登录' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /申请：居民注册后申请/ })).toBeVisible();
  await page.getByRole('link', { name: /我的账号/ }).click();
  await expect(page.getByRole('definition').filter({ hasText: '居民' })).toBeVisible();
  await expect(page.getByText('和平社区 (D01/S03/C07)')).toBeVisible();
});

test('a wrong code is refused beside the field, and nobody is registered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '居民注册', exact: true }).click();
  await page.getByLabel('电子邮箱').fill(`wrong-${Date.now()}@example.com`);
  await page.getByLabel('姓名').fill('钱多');
  await page.getByLabel(/所在社区/).selectOption({ label: '北桥村' });
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('验证码').fill('000000x');
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.locator('#code-error')).toHaveText('验证码不正确或已过期');
  await page.getByRole('link', { name: '返回登录' }).click();
  await expect(page.getByRole('button', { name: /钱多/ })).toHaveCount(0);
});

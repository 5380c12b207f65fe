import { expect, test, type Page } from '@playwright/test';
import { tabTo as tabToName } from './support/keyboard.ts';
import { publishedPosition, unique } from './support/arrange.ts';
import { codeTo } from './support/mailbox.ts';

/** At most 60 presses on this spec's pages (support/keyboard.ts). */
const tabTo = (page: Page, name: RegExp, max = 60) => tabToName(page, name, max);

/** A closed select takes the arrow keys: each press moves to the next option. */
async function press(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

test('a resident finds a post, signs in and applies by keyboard alone, with focus always visible', async ({ page }) => {
  const title = unique('键盘可达岗位');
  await publishedPosition({ title, street: 'D01/S01', kind: 'community-worker' });
  await page.goto('/');

  await tabTo(page, /^跳到主要内容$/);
  await tabTo(page, /^登录$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(page, /王芳 Wang Fang/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /我的账号/ })).toBeVisible();

  await tabTo(page, /^街道（镇）$/);
  await press(page, 'ArrowDown', 1);
  await tabTo(page, /^岗位类别$/);
  await press(page, 'ArrowDown', 3);
  await tabTo(page, /^只看正在报名的岗位$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^显示岗位$/);
  await page.keyboard.press('Enter');
  await tabTo(page, new RegExp(title));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();

  await tabTo(page, /^申请这个岗位$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^申请：/ })).toBeFocused();
  await tabTo(page, /^姓名$/);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('王芳');
  await tabTo(page, /^出生日期/);
  await page.keyboard.type('06011995');
  await tabTo(page, /^最高学历$/);
  await press(page, 'ArrowDown', 4);
  await tabTo(page, /^目前身份$/);
  await press(page, 'ArrowDown', 2);
  await tabTo(page, /^工作年限/);
  await page.keyboard.type('5');
  await tabTo(page, /^提交申请$/);
  await page.keyboard.press('Enter');

  await expect(page.getByText('资格审核通过。下一步是考试')).toBeVisible();
});

test('a resident registers, types the code and signs in by keyboard alone, with focus always visible', async ({ page }) => {
  const email = `keyboard-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}@example.com`;
  const name = `键盘居民${Math.floor(Math.random() * 1e6)}`;
  await page.goto('/');
  await tabTo(page, /^居民注册$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '居民注册' })).toBeFocused();
  await tabTo(page, /^电子邮箱$/);
  await page.keyboard.type(email);
  await tabTo(page, /^姓名$/);
  await page.keyboard.type(name);
  await tabTo(page, /^密码$/);
  await page.keyboard.type('Correct-Horse-9x');
  await tabTo(page, /^所在街道（镇）$/);
  await press(page, 'ArrowDown', 3);
  await tabTo(page, /^所在社区$/);
  await press(page, 'ArrowDown', 7);
  await expect(page.getByLabel('所在社区')).toHaveValue('D01/S03/C07');
  await tabTo(page, /^发送验证码$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '验证电子邮箱' })).toBeFocused();

  const code = await codeTo(page, email);
  await tabTo(page, /^验证码$/);
  await page.keyboard.type(code);
  await tabTo(page, /^验证$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '注册完成' })).toBeFocused();
  await tabTo(page, /^登录$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(page, new RegExp(name));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: new RegExp(`我的账号：${name}`) })).toBeVisible();
});

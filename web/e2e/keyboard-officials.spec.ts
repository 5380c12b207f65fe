import { expect, test, type Page } from '@playwright/test';
import { tabTo as tabToName } from './support/keyboard.ts';
import { unique } from './support/arrange.ts';

/** At most 80 presses on this spec's pages (support/keyboard.ts). */
const tabTo = (page: Page, name: RegExp, max = 80) => tabToName(page, name, max);

async function signInByKeyboard(page: Page, account: RegExp) {
  await tabTo(page, /^登录$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台/ })).toBeVisible();
  await tabTo(page, account);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /我的账号/ })).toBeVisible();
}

test('a street official blows the whistle and the department reports in on it, by keyboard alone, with focus always visible', async ({ browser }) => {
  const location = unique('玉泉路 5 号');
  const official = await (await browser.newContext()).newPage();
  await official.goto('/street/issues');
  await signInByKeyboard(official, /刘洋 Liu Yang/);
  await expect(official.getByRole('heading', { level: 1, name: '南山街道：街道吹哨' })).toBeVisible();
  await tabTo(official, /^紧急程度$/);
  await official.keyboard.press('ArrowUp');
  await official.keyboard.press('ArrowUp');
  await expect(official.getByLabel('紧急程度')).toHaveValue('emergency');
  await tabTo(official, /^区市场监督管理局$/);
  await official.keyboard.press('Space');
  await tabTo(official, /^问题描述$/);
  await official.keyboard.type('路口井盖缺失，有人员跌落风险。');
  await tabTo(official, /^具体位置$/);
  await official.keyboard.type(location);
  await tabTo(official, /^吹哨$/);
  await official.keyboard.press('Enter');
  await expect(official.getByRole('status').filter({ hasText: `已吹哨：${location}。` })).toBeVisible();

  const department = await (await browser.newContext()).newPage();
  await department.goto('/department/inbox');
  await signInByKeyboard(department, /吴刚 Wu Gang/);
  await expect(department.getByRole('heading', { level: 1, name: '区市场监督管理局：待办问题' })).toBeVisible();
  await tabTo(department, new RegExp(`^报到：${location}$`), 200);
  await department.keyboard.press('Enter');
  await expect(department.getByRole('status').filter({ hasText: `已报到：${location}` })).toBeVisible();
  await tabTo(department, /^处理情况$/, 200);
  await department.keyboard.type('已设置围挡并更换井盖。');
  await tabTo(department, new RegExp(`^办结：${location}$`));
  await department.keyboard.press('Enter');
  await expect(department.getByRole('status').filter({ hasText: `已办结：${location}` })).toBeVisible();
});

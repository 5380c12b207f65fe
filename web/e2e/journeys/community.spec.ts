import { expect, test } from '@playwright/test';
import { accessItem, unique } from '../support/arrange.ts';
import { signIn } from '../support/browser.ts';
import { changeSiteMeanwhile, siteAt, workItem } from '../support/officials.ts';

/** The seeded community worker of 和平社区 (D01/S03/C07). */
const WORKER = '陈静 Chen Jing';

test('a community worker registers a rented site, edits it when someone else changed it first without losing the edit, and adds a room', async ({ page }) => {
  const address = unique('和平路 20 号');
  await page.goto('/community/sites');
  await signIn(page, WORKER);
  await expect(page.getByRole('heading', { level: 1, name: '和平社区：场地登记' })).toBeVisible();
  await page.getByLabel('地址').fill(address);
  await page.getByLabel('建筑面积（平方米）').fill('320.5');
  await page.getByLabel('居民活动面积（平方米）').fill('400');
  await page.getByLabel('产权类型').selectOption({ label: '租用' });
  await page.getByRole('button', { name: '登记场地' }).click();
  await expect(page.getByRole('link', { name: '居民活动面积不能超过建筑面积' })).toBeVisible();
  await expect(page.getByRole('link', { name: '请至少选择一种用途' })).toBeVisible();
  await expect(page.getByRole('link', { name: '请填写租期开始日期' })).toBeVisible();
  await page.getByLabel('居民活动面积（平方米）').fill('200');
  await page.getByRole('checkbox', { name: '办公' }).check();
  await page.getByRole('checkbox', { name: '居民活动' }).check();
  await page.getByLabel('租期开始').fill('2025-01-01');
  await page.getByLabel('租期结束').fill('2027-12-31');
  await page.getByLabel('年租金（元）').fill('96000');
  await page.getByLabel('出租方').fill('和平物业有限公司');
  await page.getByRole('button', { name: '登记场地' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已登记：${address}。` })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText('本社区场地合计');

  await page.getByRole('link', { name: address }).click();
  await expect(page.getByRole('heading', { level: 1, name: address })).toBeVisible();
  await expect(page.getByText(/2025年1月1日 至 2027年12月31日，年租金 96,000 元/)).toBeVisible();
  // The street office changes the site while the form is open: the save below is against a stale version.
  const { id, version } = await siteAt('D01/S03/C07', address);
  await changeSiteMeanwhile('D01/S03/C07', id, version, { residentActivityAreaM2: 180 });
  await page.getByLabel('建筑面积（平方米）').fill('350');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('heading', { name: '别人刚刚修改了这个场地' })).toBeVisible();
  await expect(page.getByText(/这是现在的记录（第 2 版）/)).toBeVisible();
  await expect(page.getByLabel('建筑面积（平方米）')).toHaveValue('350');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '修改已保存。' })).toBeVisible();
  await expect(page.getByText('350 平方米', { exact: true })).toBeVisible();
  // The other's change stands too: the form took it, and the save sent only what was edited here.
  await expect(page.getByText('180 平方米', { exact: true })).toBeVisible();
  await expect(page.getByLabel('居民活动面积（平方米）')).toHaveValue('180');

  await page.getByLabel('会议室名称').fill('二楼议事厅');
  await page.getByLabel('座位数').fill('40');
  await page.getByRole('button', { name: '添加会议室' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已添加会议室：二楼议事厅。' })).toBeVisible();
  await expect(page.getByRole('link', { name: '二楼议事厅' })).toBeVisible();
});

test('a community worker raises an issue for the community, follows its countdown, and sees the work items that reached it', async ({ page }) => {
  const code = await accessItem();
  const title = unique('高龄津贴入户核查');
  await workItem(code, 'civil-affairs', 'D01/S03/C07', title);
  await page.goto('/community/work');
  await signIn(page, WORKER);
  await expect(page.getByRole('heading', { level: 1, name: '和平社区：吹哨与工作事项' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: `${code}：${title}` })).toBeVisible();
  await expect(page.getByText('问题所在社区：和平社区')).toBeVisible();

  const location = unique('和平路 18 号 3 栋');
  await page.getByLabel('紧急程度').selectOption({ label: '一般' });
  await page.getByLabel('问题类别').selectOption({ label: '物业管理' });
  await page.getByRole('checkbox', { name: '区住房和城乡建设局' }).check();
  await page.getByLabel('问题描述').fill('3 栋电梯停运两天，物业尚未维修。');
  await page.getByLabel('具体位置').fill(location);
  await page.getByRole('button', { name: '吹哨', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已吹哨：${location}。` })).toBeVisible();
  const card = page.locator('li.card').filter({ hasText: location });
  await expect(card.getByText(/^还剩 (29|30) 分 \d+ 秒$/)).toBeVisible();
  await expect(card.getByText('尚未报到')).toBeVisible();
});

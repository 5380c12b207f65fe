import { expect, test, type Page } from '@playwright/test';
import { dayNextWeek, publicRoom, unique } from '../support/arrange.ts';
import { ACCOUNTS, signIn } from '../support/browser.ts';

async function openRoom(page: Page, account: string, room: string, day: string) {
  await page.goto('/rooms');
  await signIn(page, account);
  await page.getByLabel('街道（镇）').selectOption({ label: '南山街道' });
  await page.getByRole('button', { name: '查看会议室' }).click();
  await page.getByRole('link', { name: room }).click();
  await expect(page.getByRole('heading', { level: 1, name: room })).toBeVisible();
  await page.getByRole('link', { name: '下一周' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`至`) })).toBeVisible();
  await page.getByLabel('日期').fill(day);
}

async function bookWindow(page: Page, start: string, end: string, purpose: string) {
  await page.getByLabel('开始时间').selectOption(start);
  await page.getByLabel('结束时间').selectOption(end);
  await page.getByLabel('用途').fill(purpose);
  await page.getByLabel('参加人数').fill('12');
  await page.getByRole('button', { name: '确认预约' }).click();
}

test('a resident books a free evening window; a second resident sees it busy and is told why the same window is refused; cancelling frees it', async ({ browser }) => {
  const room = unique('议事厅');
  await publicRoom(room);
  const day = dayNextWeek(2);

  const first = await (await browser.newContext()).newPage();
  await openRoom(first, ACCOUNTS.wangFang, room, day);
  await bookWindow(first, '19:00', '20:30', '居民议事会');
  await expect(first.getByRole('status').filter({ hasText: /预约成功：.* 19:00–20:30/ })).toBeVisible();
  await expect(first.getByText('19:00–20:30 你的预约：居民议事会')).toBeVisible();

  const second = await (await browser.newContext()).newPage();
  await openRoom(second, ACCOUNTS.zhaoMin, room, day);
  await expect(second.getByText('19:00–20:30 已被预约')).toBeVisible();
  // Another resident's booking is busy time only: not its purpose.
  await expect(second.locator('.week').getByText(/居民议事会/)).toHaveCount(0);
  await bookWindow(second, '19:00', '20:30', '楼栋协商会');
  await expect(second.locator('#start-error')).toHaveText('这个时段已经有人预约了，请换一个时间。');
  await expect(second.getByRole('link', { name: '这个时段已经有人预约了，请换一个时间。' })).toBeVisible();

  await first.getByRole('button', { name: '取消 19:00–20:30 的预约' }).click();
  await expect(first.getByText('预约已取消，这个时段现在空闲。')).toBeVisible();
  await second.reload();
  await expect(second.getByText('19:00–20:30 已被预约')).toHaveCount(0);
  await second.getByLabel('日期').fill(day);
  await bookWindow(second, '19:00', '20:30', '楼栋协商会');
  await expect(second.getByText('19:00–20:30 你的预约：楼栋协商会')).toBeVisible();
});

test('a window off the quarter hours or too long cannot be chosen or is explained', async ({ page }) => {
  const room = unique('活动室');
  await publicRoom(room);
  await openRoom(page, ACCOUNTS.liQiang, room, dayNextWeek(3));
  await expect(page.getByLabel('开始时间').locator('option')).toHaveCount(61);
  await bookWindow(page, '08:00', '17:00', '培训');
  await expect(page.locator('#end-error')).toHaveText('结束时间要晚于开始时间，且不超过 8 小时');
});

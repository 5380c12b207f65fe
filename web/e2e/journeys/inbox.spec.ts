import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { dayNextWeek, publicRoom, unique } from '../support/arrange.ts';
import { ACCOUNTS, signIn } from '../support/browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test('a booking lands in the inbox: the header counts it unread, the page marks it read, the e-mail is in the local mailbox', async ({ page }, testInfo) => {
  // A long journey across four services: room for a busy machine.
  test.setTimeout(240_000);
  // Each project its own account: this journey turns booking e-mails off, which the other project's run must not see.
  const account = testInfo.project.name === 'phone' ? ACCOUNTS.zhaoMin : ACCOUNTS.liQiang;
  const room = unique('议事厅');
  await publicRoom(room);
  await page.goto('/rooms');
  await signIn(page, account);
  await page.getByLabel('街道（镇）').selectOption({ label: '南山街道' });
  await page.getByRole('button', { name: '查看会议室' }).click();
  await page.getByRole('link', { name: room }).click();
  await page.getByRole('link', { name: '下一周' }).click();
  await page.getByLabel('日期').fill(dayNextWeek(4));
  await page.getByLabel('开始时间').selectOption('18:00');
  await page.getByLabel('结束时间').selectOption('19:00');
  await page.getByLabel('用途').fill('楼栋议事会');
  await page.getByLabel('参加人数').fill('8');
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByRole('status').filter({ hasText: /预约成功/ })).toBeVisible();

  // The header's count comes from the notifications service once the booking's event reached it.
  const inboxLink = page.getByRole('link', { name: /^通知\s*（\d+ 条未读通知）$/ });
  await expect(async () => {
    await page.reload();
    await expect(inboxLink).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('unread-status')).toHaveText(/\d+ 条未读通知。/);
  await inboxLink.click();
  await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: '预约成功' }).first();
  // The page shows the e-mail as it stood when it loaded: on its way, then sent.
  await expect(async () => {
    await page.reload();
    await expect(card).toContainText('已同时发送电子邮件', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(card.getByRole('button', { name: '加入日历（.ics）' })).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);

  // Keyboard alone: the card's button marks it read; the header's count is then the unread cards' (other journeys may add some meanwhile).
  await card.getByRole('button', { name: '标为已读' }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: '标为已读' })).toHaveCount(0);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
    const unreadCards = await page.getByRole('button', { name: '标为已读' }).count();
    await expect(page.getByTestId('unread-status')).toHaveText(unreadCards === 0 ? '没有未读通知。' : `${unreadCards} 条未读通知。`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Preferences: turn off booking e-mails, saved and said so.
  await page.getByLabel('我的场地预约成功').uncheck();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();

  // The calendar feed: an address, then revoked.
  await page.getByRole('button', { name: '生成日历地址' }).click();
  const url = await page.getByLabel('您的日历地址').inputValue();
  expect((await page.request.get(url)).status()).toBe(200);
  await page.getByRole('button', { name: '撤销地址' }).click();
  await expect(page.getByText('该地址已失效。')).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);

  // The mailbox lists what the SMTP server had stored when the page loaded: load it until the e-mail is there.
  await expect(async () => {
    await page.goto('/_local/mail');
    await expect(page.getByRole('heading', { level: 2, name: /^预约成功：/ }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

import { expect, test } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { bookedRoom } from '../support/arrange-street.ts';
import { signIn } from '../support/browser.ts';

/**
 * The street's rooms and bookings, through the browser only (desktop, and a phone at 360 px): a
 * staff room of 松林社区 booked for tomorrow by a community worker; the street official sees the
 * booking in full and cancels it.
 */
test('the street official sees a room’s bookings of the coming week in full and cancels one', async ({ page }) => {
  const room = unique('松林社区议事室');
  const purpose = unique('楼栋长例会');
  await bookedRoom(room, purpose);

  await page.goto('/');
  await signIn(page, '刘洋 Liu Yang');
  await page.getByRole('link', { name: '场地预约' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南山街道：场地与预约' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: room }) });
  await expect(card).toContainText('仅供工作人员');
  await expect(card).toContainText('20 个座位');
  const booking = card.getByRole('listitem').filter({ hasText: purpose });
  await expect(booking).toContainText(`${purpose}（12 人）`);
  await expect(booking).toContainText(/10:00–11:30/);
  await booking.getByRole('button', { name: new RegExp(`^取消${room} .*的预约$`) }).click();
  await expect(booking).toContainText('已取消');
  await expect(booking.getByRole('button')).toHaveCount(0);
  await expect(card.getByRole('link', { name: room })).toHaveAttribute('href', /^\/rooms\/[0-9A-Z]{26}$/);
});

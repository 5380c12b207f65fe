import { expect, test } from '@playwright/test';
import { publicRoom, unique } from '../support/arrange.ts';
import { pool } from '../support/arrange-finance.ts';
import { signIn } from '../support/browser.ts';

/**
 * A joint meeting convened by the district's office → its venue shown (premises booked a room of the
 * host street) → a decision with money → approved by finance in its console → the decision shows
 * its money. Through the browser only, each official in a browser of their own; desktop and 360 px.
 */
test('a meeting convened, its venue shown, a decision with money approved by finance, and the decision shows its money', async ({ browser, baseURL }) => {
  const title = unique('青山区联席会议');
  const purpose = unique('和平社区路灯改造');
  const room = unique('和平社区议事厅');
  await publicRoom(room);
  const poolName = unique('南山联席会议资金池');
  await pool('D01/S03', poolName, 20_000_000);
  const day = new Date(Date.now() + 8 * 3_600_000 + (10 + Math.floor(Math.random() * 300)) * 86_400_000).toISOString().slice(0, 10);

  const admin = await (await browser.newContext({ baseURL: baseURL! })).newPage();
  await admin.goto('/');
  await signIn(admin, '高远 Gao Yuan');
  await admin.getByRole('link', { name: '联席会议' }).click();
  await admin.getByLabel('会议名称').fill(title);
  await admin.getByLabel('会议时间').fill(day);
  await admin.getByLabel('开始时间').selectOption('14:00');
  await admin.getByLabel('结束时间').selectOption('15:30');
  await admin.getByLabel('南山街道').check();
  await admin.getByLabel('参会部门').fill('urban-management, housing');
  await admin.getByLabel('议题').fill('和平社区夜间照明');
  await admin.getByRole('button', { name: '召集会议' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // Premises answers through the bus; the page polls until it does.
  const venue = admin.locator('dd[aria-live="polite"]');
  await expect(venue).toHaveText(/^[^，]+，.+（.+）$/, { timeout: 60_000 });

  await admin.getByLabel('决定事项').fill(purpose);
  await admin.getByLabel('牵头部门').fill('urban-management');
  await admin.getByLabel('完成时限').fill(day);
  await admin.getByLabel('所需资金（元）').fill('45000');
  await admin.getByRole('button', { name: '记录决定' }).click();
  const decision = admin.getByRole('article', { name: purpose });
  await expect(decision.getByText('已向区财政局申请 ¥45,000.00，等待答复，页面会自动更新…')).toBeVisible();

  const finance = await (await browser.newContext({ baseURL: baseURL! })).newPage();
  await finance.goto('/');
  await signIn(finance, '何平 He Ping');
  await finance.getByRole('link', { name: '资金申请' }).click();
  const request = finance.getByRole('article', { name: purpose });
  await expect(request).toBeVisible({ timeout: 60_000 });
  await request.getByLabel('同意，从资金池拨付').check();
  await request.getByLabel('从哪个资金池拨付').selectOption({ label: `${poolName}（余额 ¥200,000.00）` });
  await request.getByRole('button', { name: '提交决定' }).click();
  await expect(finance.getByRole('main').getByRole('status')).toHaveText(`已同意“${purpose}”，拨付 ¥45,000.00。`);

  // The meeting's page, still open, picks up finance's answer by itself.
  await expect(decision.getByText('申请 ¥45,000.00，区财政局已拨付 ¥45,000.00。')).toBeVisible({ timeout: 60_000 });
});

import { expect, test } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { fundingRequest, pool } from '../support/arrange-finance.ts';
import { signIn } from '../support/browser.ts';

/**
 * The district finance bureau's day, through the browser only (desktop, and a phone at 360 px):
 * a joint meeting asked money for a street; finance approves one request from the street's pool
 * and declines another with a reason, and the pool shows what remains.
 */
test('finance approves a request from a pool, declines one with a reason, and the pool shows what remains', async ({ page }) => {
  const poolName = unique('南山社区微改造资金池');
  const approvePurpose = unique('和平社区路灯改造');
  const declinePurpose = unique('翠竹社区屋面维修');
  await pool('D01/S03', poolName, 50_000_000);
  await Promise.all([fundingRequest('D01/S03', approvePurpose, 9_000_000), fundingRequest('D01/S03', declinePurpose, 200_000_000)]);

  await page.goto('/');
  await signIn(page, '何平 He Ping');
  await page.getByRole('link', { name: '资金申请' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '资金申请' })).toBeVisible();

  const approveCard = page.getByRole('article', { name: approvePurpose });
  await expect(approveCard.getByText('申请金额：¥90,000.00')).toBeVisible();
  await expect(approveCard.getByText(/来源：联席会议决定/)).toBeVisible();
  await approveCard.getByLabel('同意，从资金池拨付').check();
  await approveCard.getByLabel('从哪个资金池拨付').selectOption({ label: `${poolName}（余额 ¥500,000.00）` });
  await approveCard.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`已同意“${approvePurpose}”，拨付 ¥90,000.00。`);

  const declineCard = page.getByRole('article', { name: declinePurpose });
  await declineCard.getByLabel('不予安排').check();
  await declineCard.getByRole('button', { name: '提交决定' }).click();
  await expect(declineCard.getByRole('alert')).toContainText('请写明理由');
  await declineCard.getByLabel('不予安排的理由').fill('金额超出资金池余额，请申请区级专项资金。');
  await declineCard.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`已决定不安排“${declinePurpose}”。`);

  await page.getByRole('link', { name: '已拨付' }).click();
  await expect(page.getByRole('article', { name: approvePurpose }).getByText(/拨付 ¥90,000.00。/)).toBeVisible();
  await page.getByRole('link', { name: '未安排' }).click();
  await expect(page.getByRole('article', { name: declinePurpose }).getByText(/金额超出资金池余额/)).toBeVisible();

  await page.getByRole('link', { name: '预算与资金池' }).click();
  await page.getByLabel('街道（镇）').selectOption({ label: '南山街道' });
  await page.getByRole('button', { name: '查看' }).click();
  const poolCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: poolName }) });
  await expect(poolCard.getByText('总额 ¥500,000.00，已拨付 ¥90,000.00，余额 ¥410,000.00')).toBeVisible();
  await poolCard.getByRole('button', { name: `查看“${poolName}”的拨付明细` }).click();
  await expect(poolCard.getByText(new RegExp(approvePurpose))).toBeVisible();
});

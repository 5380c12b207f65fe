import { expect, test } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { hiredStaff, unapprovedSecondment } from '../support/arrange-street.ts';
import { signIn } from '../support/browser.ts';

/**
 * The street official's flagged secondments, through the browser only (desktop, and a phone at
 * 360 px): two members hired through a ranked close are lent out without an approval; the official
 * records the approval of one (checked first: an empty number is refused in words) and recalls the other.
 */
test('a flagged secondment’s approval is recorded and it is no longer flagged; another is recalled', async ({ page }) => {
  test.slow(); // a position's window closes before its hires reach the roster
  const [approved, recalled] = [unique('王芳'), unique('赵磊')];
  const staff = await hiredStaff([approved, recalled]);
  await Promise.all(staff.map((member) => unapprovedSecondment(member.id, '区信访局')));

  await page.goto('/');
  await signIn(page, '刘洋 Liu Yang');
  await page.getByRole('link', { name: '人员与借调' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南山街道：人员与借调' })).toBeVisible();

  const approvedCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${approved}：借调到区信访局` }) });
  await expect(approvedCard).toContainText('没有组织部门的审批');
  await approvedCard.getByRole('button', { name: `补录${approved}的审批` }).click();
  await expect(approvedCard.getByText('请填写审批文号（1 到 100 个字）。')).toBeVisible();
  await expect(approvedCard.getByLabel(`${approved}的借调审批文号`)).toBeFocused();
  await approvedCard.getByLabel(`${approved}的借调审批文号`).fill('青组〔2026〕17号');
  await approvedCard.getByRole('button', { name: `补录${approved}的审批` }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`已补录${approved}的借调审批（青组〔2026〕17号），这项借调不再被标记。`);
  await expect(approvedCard).toContainText('青组〔2026〕17号');
  await expect(approvedCard.getByRole('button', { name: `补录${approved}的审批` })).toHaveCount(0);

  const recalledCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${recalled}：借调到区信访局` }) });
  await recalledCard.getByRole('button', { name: `召回${recalled}` }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`已召回${recalled}，今天起回到原岗位。`);

  // Afresh from the server: neither is among the flagged any more.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '南山街道：人员与借调' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${approved}：借调到区信访局` })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `${recalled}：借调到区信访局` })).toHaveCount(0);
  await expect(page.getByRole('table', { name: '本街道的工作人员，最近到岗的排在最前' }).getByRole('row', { name: new RegExp(approved) })).toContainText('借调中');
});

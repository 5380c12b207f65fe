import { expect, test } from '@playwright/test';
import { departmentAssessment } from '../support/arrange-street.ts';
import { signIn } from '../support/browser.ts';

/**
 * The street committee's part of the double assessment, through the browser only (desktop, and a
 * phone at 360 px): a member the market supervision bureau has assessed waits for the street; the
 * committee gives its score (a score over 100 refused in words first) and sees the combined result;
 * a member the department has not assessed yet is assessed by naming them.
 */
test('the committee assesses a member the department assessed and sees the combined score; it assesses another by naming them', async ({ page }) => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
  const member = `S03-MS-${suffix}`;
  const other = `S03-SAN-${suffix}`;
  const period = `${new Date().getFullYear()}-H1`;
  await departmentAssessment(member, period);

  await page.goto('/');
  await signIn(page, '孙丽 Sun Li');
  await page.getByRole('link', { name: '派驻人员考核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南山街道党工委：派驻人员双重考核' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${member}，${period}` }) });
  await expect(card).toContainText('区市场监督管理局');
  await expect(card).toContainText(/部门已于 .+ 打分；街道打分后两边分数一起显示。/);
  await expect(card).not.toContainText('86 分');

  await card.getByLabel(`街道对${member}（${period}）的打分`).fill('120');
  await card.getByLabel('考核意见').fill('群众评价好，参加社区夜间巡查。');
  await card.getByRole('button', { name: `提交对${member}的考核` }).click();
  await expect(card.getByText('请填写 0 到 100 的整数。').first()).toBeVisible();
  await card.getByLabel(`街道对${member}（${period}）的打分`).fill('90');
  await card.getByRole('button', { name: `提交对${member}的考核` }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toHaveText(`已记录街道对${member}（${period}）的考核，综合得分 88 分。`);
  await expect(card).toContainText('86 分');
  await expect(card).toContainText('88 分（街道占 50%，部门占 50%）');

  await page.getByLabel('状态').selectOption({ label: '考核完成' });
  await page.getByRole('button', { name: '显示', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${member}，${period}` }) })).toContainText('88 分');

  // One the department has not assessed: named by the committee, it waits for the department.
  const form = page.getByRole('region', { name: '考核其他派驻人员' });
  await form.getByLabel('人员编号').fill(other);
  await form.getByLabel('派驻部门').selectOption({ label: '区环境卫生管理局' });
  await form.getByLabel('考核期').fill(period);
  await form.getByLabel('街道打分').fill('75');
  await form.getByLabel('考核意见').fill('按时完成片区保洁督查。');
  await form.getByRole('button', { name: '提交街道考核' }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toHaveText(`已记录街道对${other}（${period}）的考核，等部门打分。`);
  await page.goto('/committee/assessments?status=awaiting-department');
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${other}，${period}` }) })).toContainText('75 分');
});

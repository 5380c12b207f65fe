import { expect, test } from '@playwright/test';
import { publishedPosition, unique } from '../support/arrange.ts';
import { application } from '../support/arrange-organization.ts';
import { signIn } from '../support/browser.ts';

/**
 * The organization department's day, through the browser only (desktop, and a phone at 360 px):
 * a position drafted and published within the plan, residents apply (as part 1's journey does),
 * their applications scored, and the ranking shown before any closing is confirmed.
 */
test('the organization department drafts and publishes a position, scores its applicants and sees the ranking first', async ({ page }) => {
  await publishedPosition({ title: unique('计划占位岗位') }); // the year's plan, once
  const title = unique('南山街道社区综合岗');
  const [first, second, unfit] = [unique('张敏'), unique('李伟'), unique('王强')];
  await page.goto('/');
  await signIn(page, '冯敏 Feng Min');
  await page.getByRole('link', { name: '年度招聘计划' }).click();
  await expect(page.getByRole('table', { name: /年度各街道（镇）岗位数/ })).toBeVisible();
  await page.getByRole('link', { name: '岗位与录用' }).click();

  await page.getByLabel('岗位名称').fill(title);
  await page.getByLabel('街道（镇）', { exact: true }).last().selectOption({ label: '南山街道' });
  const closes = new Date(Date.now() + 8 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('报名截止日期').fill(closes);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('alert')).toContainText('请至少选择一类人员');
  await page.getByLabel('村干部').check();
  await page.getByLabel('社区工作者', { exact: true }).check();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(`草稿已保存：${title}`);
  await page.getByRole('button', { name: `发布“${title}”` }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(`“${title}”已在南山街道发布`);
  const link = page.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  const positionId = (await link.getAttribute('href'))!.split('/').pop()!;

  await application(positionId, first, true);
  await application(positionId, second, true);
  await application(positionId, unfit, false);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: unfit })).toContainText('资格审核未通过');
  await expect(page.getByRole('listitem').filter({ hasText: unfit })).toContainText('不属于岗位面向的人员');

  await page.getByLabel(`${second}的笔试成绩`).fill('91');
  await page.getByRole('button', { name: `保存${second}的成绩` }).click();
  await expect(page.getByRole('listitem').filter({ hasText: second })).toContainText('笔试 91 分');
  await page.getByLabel(`${first}的笔试成绩`).fill('120');
  await page.getByRole('button', { name: `保存${first}的成绩` }).click();
  await expect(page.getByRole('alert')).toContainText('请输入 0 至 100 之间的分数');
  await page.getByLabel(`${first}的笔试成绩`).fill('78.5');
  await page.getByRole('button', { name: `保存${first}的成绩` }).click();
  await expect(page.getByRole('listitem').filter({ hasText: first })).toContainText('笔试 78.5 分');

  await page.getByRole('button', { name: '查看排名结果' }).click();
  const ranking = page.getByRole('table', { name: '按当前成绩的排名' });
  await expect(ranking.getByRole('row').nth(1)).toContainText(`1${second}91录用`);
  await expect(ranking.getByRole('row').nth(2)).toContainText(`2${first}78.5未被录用`);
  // The window is still open: closing waits for it, and the page says so.
  await expect(page.getByText('报名尚未截止，截止后才能确认录用。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认截止并录用 1 人' })).toBeDisabled();
});

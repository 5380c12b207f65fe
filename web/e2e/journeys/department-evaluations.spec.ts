import { expect, test } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { signIn } from '../support/browser.ts';
import { as } from '../support/officials.ts';

const COMMITTEE = { roles: ['street-committee'], jurisdiction: 'D01/S03', sub: 'e2e-committee-s03' } as { roles: ['street-committee']; jurisdiction: string; sub: string };

/**
 * The department's evaluations, through the browser only (desktop, and a phone at 360 px): an
 * evaluation asked of a street, its opinion awaited with a countdown; once the committee answers
 * (in its own console: arranged here through the API), the department writes the conclusion.
 */
test('a department asks a street’s opinion on its unit, sees it waiting, then given, and makes the evaluation final', async ({ page }) => {
  const title = unique('南山市场监管所年度评价');
  await page.goto('/');
  await signIn(page, '吴刚 Wu Gang');
  await page.getByRole('link', { name: '派驻单位评价' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '区市场监督管理局：派驻单位评价' })).toBeVisible();

  await page.getByLabel('评价期间').fill('2026年上半年');
  await page.getByRole('button', { name: '发起评价' }).click();
  await expect(page.getByRole('alert')).toContainText('请填写评价名称');
  await expect(page.getByRole('alert')).toContainText('评价期间应写成');
  await expect(page.getByRole('alert')).toContainText('请至少填写一个被评价单位');

  await page.getByLabel('评价名称').fill(title);
  await page.getByLabel('评价期间').fill('2026-H1');
  await page.getByLabel('南山街道').fill('南山市场监管所');
  await page.getByRole('button', { name: '发起评价' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '已发起' })).toContainText(`已发起“${title}”，向 1 个街道（镇）征求书面意见。`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(title) }) });
  await expect(card).toContainText('征求意见中');
  await expect(card).toContainText('南山街道：南山市场监管所');
  await expect(card).toContainText('答复期限');
  await expect(card).toContainText('各街道都答复后，才能作出评价结论。');

  // The street committee answers in its console.
  const { items } = await as(COMMITTEE, 'GET', '/authority/opinion-requests?limit=100');
  const request = (items as Array<{ evaluationId: string; title: string }>).find((r) => r.title === title)!;
  await as(COMMITTEE, 'POST', `/authority/evaluations/${request.evaluationId}/opinions`, { rating: 'good', text: '该所接诉响应及时，执法规范。' });

  await page.reload();
  await expect(card).toContainText('街道意见：良好');
  await expect(card).toContainText('该所接诉响应及时，执法规范。');
  await card.getByRole('button', { name: `确定“${title}”的结论` }).click();
  await expect(page.getByRole('alert')).toContainText('请填写评价结论');
  await card.getByLabel(`“${title}”的评价结论`).fill('评为良好。');
  await card.getByRole('button', { name: `确定“${title}”的结论` }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '已作出评价结论' })).toContainText(`“${title}”已作出评价结论。`);
  await expect(card).toContainText('已定结论');
  await expect(card).toContainText('评为良好。');
});

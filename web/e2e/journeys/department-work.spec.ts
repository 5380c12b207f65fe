import { expect, test } from '@playwright/test';
import { accessItem, unique } from '../support/arrange.ts';
import { signIn } from '../support/browser.ts';

/**
 * The department's work items and its rates over time, through the browser only (desktop, and a
 * phone at 360 px): a work item on the access list reaches the community; one that is not is
 * blocked, and the page says why; the department's three rates month by month, a chart and its table.
 */
test('a department asks a community for a listed work item and sees it reach it; an unlisted one is blocked, with the reason', async ({ page }) => {
  const listed = await accessItem(['market-supervision'], unique('代收小餐饮店备案材料'));
  const forOthers = await accessItem(['civil-affairs']);
  const unlisted = `SC-${Date.now().toString(36).toUpperCase()}`;
  await page.goto('/');
  await signIn(page, '吴刚 Wu Gang');
  await page.getByRole('link', { name: '工作事项' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '区市场监督管理局：工作事项' })).toBeVisible();

  // Checked before sending, as every form: the fields named in the summary.
  await page.getByRole('button', { name: '派发', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('请填写事项编号');
  await expect(page.getByRole('alert')).toContainText('请填写标题');

  // A listed code fills in its title and description.
  await page.getByLabel('事项编号').fill(listed);
  await expect(page.getByLabel('标题')).toHaveValue(/代收小餐饮店备案材料/);
  await page.getByLabel('社区', { exact: true }).selectOption('D01/S03/C07');
  await page.getByRole('button', { name: '派发', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText(`${listed} 已送达和平社区。`);
  const reached = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${listed}：`) }) });
  await expect(reached).toContainText('已送达');
  await expect(reached).toContainText('和平社区 · 南山街道');

  // Not on the list: blocked, said in words, and shown among the blocked.
  await page.getByLabel('事项编号').fill(unlisted);
  await page.getByLabel('标题').fill('协助清查无照经营户');
  await page.getByLabel('要求').fill('请于两周内完成辖区无照经营户清查。');
  await page.getByRole('button', { name: '派发', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText(`${unlisted} 被拦下，没有送到和平社区。`);
  await expect(page.getByRole('main').getByRole('status').first()).toContainText(`${unlisted} 不在区准入清单上`);
  await expect(page).toHaveURL(/status=blocked/);
  const blocked = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${unlisted}：`) }) });
  await expect(blocked).toContainText('被拦下');
  await expect(blocked).toContainText(`${unlisted} 不在区准入清单上，没有送到社区。`);

  // On the list for another department only.
  await page.getByLabel('事项编号').fill(forOthers);
  await page.getByRole('button', { name: '派发', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText('只限其他部门派发');
  await page.getByRole('link', { name: '已送达', exact: true }).click();
  await expect(reached).toBeVisible();

  // Its own three rates, month by month: a chart, and the same figures as a table.
  await page.getByRole('link', { name: '部门指标' }).click();
  await expect(page.getByRole('img', { name: '三率按月走势' })).toBeVisible();
  const table = page.getByRole('table', { name: '三率按月明细' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row').last()).toContainText('（未结算）');
});

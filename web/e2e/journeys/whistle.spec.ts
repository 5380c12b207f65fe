import { expect, test, type Browser, type Page } from '@playwright/test';
import { propertyCompany, unique } from '../support/arrange.ts';
import { signIn } from '../support/browser.ts';

/** Seeded accounts of the street office of 南山街道 (D01/S03) and of the sanitation department. */
const OFFICIAL = '刘洋 Liu Yang';
const SANITATION = '郑华 Zheng Hua';

async function signedIn(browser: Browser, path: string, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await signIn(page, account);
  return page;
}

async function raise(page: Page, location: string, urgency = '紧急', company?: string) {
  await expect(page.getByRole('heading', { level: 1, name: '南山街道：街道吹哨' })).toBeVisible();
  await page.getByLabel('紧急程度').selectOption({ label: urgency });
  await page.getByLabel('问题类别').selectOption({ label: '安全生产' });
  await page.getByRole('checkbox', { name: '区环境卫生管理局' }).check();
  await page.getByLabel('问题描述').fill('小区东门垃圾堆放三天未清运，堵住了消防通道。');
  await page.getByLabel('具体位置').fill(location);
  await page.getByLabel('所在社区').selectOption({ label: '和平社区' });
  if (company) await page.getByLabel('物业服务企业').selectOption({ label: company });
  await page.getByRole('button', { name: '吹哨', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已吹哨：${location}。` })).toBeVisible();
}

const card = (page: Page, location: string) => page.locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(location) }) });

/** "街道评分 3 次，平均 …": how many ratings the department's figures count. */
async function ratingsCounted(page: Page): Promise<number> {
  const text = await page.getByRole('row', { name: /满意率/ }).textContent();
  return Number(/街道评分 (\d+) 次/.exec(text ?? '')?.[1] ?? Number.NaN);
}

test('a whistle raised by the street is reported in on and resolved in the department’s inbox, rated by the street, and the department’s figures move', async ({ browser }) => {
  const location = unique('和平路 18 号东门');
  const company = unique('和平物业');
  await propertyCompany(company);
  const official = await signedIn(browser, '/street/issues', OFFICIAL);
  await raise(official, location, '紧急', company);
  const raised = card(official, location);
  await expect(raised.getByText('待报到', { exact: true })).toBeVisible();
  await expect(raised.getByText(/^还剩 (29|30) 分 \d+ 秒$/)).toBeVisible();
  await expect(raised.getByText(/区环境卫生管理局/)).toBeVisible();

  const department = await signedIn(browser, '/department/performance', SANITATION);
  await expect(department.getByRole('heading', { level: 1, name: '区环境卫生管理局：本部门指标' })).toBeVisible();
  const before = await ratingsCounted(department);
  await department.getByRole('link', { name: '部门待办' }).click();
  await expect(department.getByRole('heading', { level: 1, name: '区环境卫生管理局：待办问题' })).toBeVisible();
  const inbox = card(department, location);
  await expect(inbox.getByText(/^报到期限/)).toBeVisible();
  await inbox.getByRole('button', { name: `报到：${location}` }).click();
  await expect(department.getByRole('status').filter({ hasText: `已报到：${location}` })).toBeVisible();
  await expect(inbox.getByText(/^办结期限/)).toBeVisible();
  await expect(inbox.getByText(/^还剩 1 小时 \d+ 分$/)).toBeVisible();

  await inbox.getByRole('button', { name: `办结：${location}` }).click();
  await expect(inbox.getByText('请写明处理情况（1 到 4000 个字）')).toBeVisible();
  await inbox.getByLabel('处理情况').fill('已组织清运，消防通道恢复畅通。');
  await inbox.getByRole('button', { name: `办结：${location}` }).click();
  await expect(department.getByRole('status').filter({ hasText: `已办结：${location}` })).toBeVisible();

  await official.getByLabel('状态').selectOption({ label: '已办结' });
  await official.getByRole('button', { name: '显示问题' }).click();
  const resolved = card(official, location);
  await expect(resolved.getByText('处理情况：已组织清运，消防通道恢复畅通。')).toBeVisible();
  await resolved.getByRole('button', { name: '提交对区环境卫生管理局的评价' }).click();
  await expect(resolved.getByText('请选择 1 到 5 分')).toBeVisible();
  await resolved.getByRole('radio', { name: '5 分 很满意' }).check();
  await resolved.getByRole('button', { name: '提交对区环境卫生管理局的评价' }).click();
  await expect(resolved.getByText(/街道评分 5 分/)).toBeVisible();
  await expect(resolved.getByRole('button', { name: '提交对区环境卫生管理局的评价' })).toHaveCount(0);
  // The rating counts for the property company the issue named too (its public page).
  await resolved.getByRole('link', { name: '查看这家企业及其评分' }).click();
  await expect(official.getByRole('heading', { level: 1, name: company })).toBeVisible();
  await official.goBack();

  // The department's figures are a projection of the events: they count the rating once it has arrived.
  await department.getByRole('link', { name: '部门指标' }).click();
  await expect(async () => {
    await department.reload();
    expect(await ratingsCounted(department)).toBeGreaterThan(before);
  }).toPass({ timeout: 30_000 });
  await expect(department.getByRole('row', { name: /满意率/ })).not.toContainText('暂无');
});

test('a whistle’s deadline counts down live and is marked overdue, in words, once it passes', async ({ page }) => {
  await page.clock.install({ time: Date.now() });
  await page.goto('/street/issues');
  await signIn(page, OFFICIAL);
  const location = unique('松林路 3 号');
  await raise(page, location);
  const raised = card(page, location);
  await expect(raised.getByText(/^还剩 (29|30) 分 \d+ 秒$/)).toBeVisible();
  await page.clock.fastForward('31:00');
  await expect(raised.getByText(/^已超时 \d+ 分 \d+ 秒$/)).toBeVisible();
  await expect(raised.locator('.countdown-overdue')).toBeVisible();
});

test('a street official is told plainly what is missing before a whistle is sent', async ({ page }) => {
  await page.goto('/street/issues');
  await signIn(page, OFFICIAL);
  await page.getByRole('button', { name: '吹哨', exact: true }).click();
  await expect(page.getByRole('heading', { name: '有问题需要处理' })).toBeVisible();
  await expect(page.getByRole('link', { name: '请至少选择一个部门' })).toBeVisible();
  await expect(page.locator('#issue-location-error')).toHaveText('请填写具体位置（1 到 500 个字）');
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { signIn } from '../support/browser.ts';
import { evaluation } from '../support/officials.ts';

/**
 * Seeded accounts: two departments, and the party committee of 南山街道 (D01/S03). A department keeps
 * one agency post per street, with one request awaiting consent at a time, so the desktop and phone
 * runs (in parallel) nominate as different departments.
 */
const DEPARTMENTS = { desktop: { account: '吴刚 Wu Gang', name: '区市场监督管理局' }, phone: { account: '郑华 Zheng Hua', name: '区环境卫生管理局' } };
const COMMITTEE = '孙丽 Sun Li';

async function signedIn(browser: Browser, path: string, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await signIn(page, account);
  return page;
}

const card = (page: Page, text: string) => page.locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(text) }) });

test('a department nominates an agency head, the street committee consents in writing within its working days, and the department sees it confirmed', async ({ browser }, info) => {
  const agency = unique('南山派驻所');
  const as = info.project.name === 'phone' ? DEPARTMENTS.phone : DEPARTMENTS.desktop;
  const department = await signedIn(browser, '/department/nominations', as.account);
  await expect(department.getByRole('heading', { level: 1, name: `${as.name}：派驻机构负责人任免` })).toBeVisible();
  await department.getByLabel('派驻街道（镇）').selectOption({ label: '南山街道' });
  await department.getByLabel('派驻机构').fill(agency);
  await department.getByLabel('人选姓名').fill('王丽');
  await department.getByLabel('理由').fill('原所长退休，王丽同志在所内工作八年。');
  await department.getByRole('button', { name: '提交并征求街道意见' }).click();
  // The consent case opens from the nomination's event: the page follows it until it is open.
  await expect(department.getByRole('status').filter({ hasText: '已向南山街道党工委征求对王丽的意见' })).toBeVisible();
  const nominated = card(department, agency);
  await expect(nominated.getByText('等待街道党工委书面意见')).toBeVisible();
  await expect(nominated.getByText(/^还剩 \d+ 个工作日/)).toBeVisible();

  const committee = await signedIn(browser, '/committee/consents', COMMITTEE);
  await expect(committee.getByRole('heading', { level: 1, name: '南山街道党工委：任免征求意见' })).toBeVisible();
  const pending = card(committee, agency);
  await expect(pending.getByText(/^答复期限/)).toBeVisible();
  await expect(pending.getByText(/^还剩 \d+ 个工作日/)).toBeVisible();
  await pending.getByRole('button', { name: '答复对王丽的征求意见' }).click();
  await expect(pending.getByRole('link', { name: '请选择同意或不同意' })).toBeVisible();
  await pending.getByRole('radio', { name: '同意', exact: true }).check();
  await pending.getByLabel('书面意见').fill('经党工委会议研究，同意王丽同志任所长。');
  await pending.getByRole('button', { name: '答复对王丽的征求意见' }).click();
  await expect(committee.getByRole('status').filter({ hasText: '已同意对王丽的任免' })).toBeVisible();
  await expect(pending.getByText('已同意', { exact: true })).toBeVisible();

  // The consent reaches recruitment through the bus: the department's view shows it once it has.
  await expect(async () => {
    await department.reload();
    await expect(nominated.getByText('街道同意，任免生效')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(nominated.getByText('经党工委会议研究，同意王丽同志任所长。')).toBeVisible();
});

test('the street committee gives its written opinion on a department’s evaluation before its 10 working days run out', async ({ page }) => {
  const title = await evaluation(unique('派驻机构年度考核'));
  await page.goto('/committee/opinions');
  await signIn(page, COMMITTEE);
  await expect(page.getByRole('heading', { level: 1, name: '南山街道党工委：评价征求意见' })).toBeVisible();
  // The request reaches the street as an event: it is listed once it has arrived.
  const request = card(page, title);
  await expect(async () => {
    await page.reload();
    await expect(request).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(request.getByText(/^还剩 \d+ 个工作日/)).toBeVisible();
  await request.getByRole('button', { name: `提交对“${title}”的意见` }).click();
  await expect(request.getByRole('link', { name: '请选择评价等次' })).toBeVisible();
  await request.getByRole('radio', { name: '良好' }).check();
  await request.getByLabel('书面意见').fill('该所服务群众态度好，配合街道开展工作积极。');
  await request.getByRole('button', { name: `提交对“${title}”的意见` }).click();
  await expect(request).toContainText(/已答复.*良好，.* 答复该所服务群众态度好/);
  await expect(request.getByRole('button', { name: `提交对“${title}”的意见` })).toHaveCount(0);
});

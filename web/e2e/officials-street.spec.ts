import { expect, test } from '@playwright/test';
import { unique } from './support/arrange.ts';
import { signIn } from './support/browser.ts';
import { checkPages, evaluation, expectNoViolations, nomination, registeredSite, uniqueDepartment, whistle } from './support/officials.ts';

test('the street official’s whistles pass axe (WCAG 2.2 AA) in Chinese and English, with issues in every state and the form’s errors', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  const location = unique('书院路 9 号');
  await Promise.all([whistle(location, 'urban-management'), whistle(unique('书院路 10 号'), 'urban-management', 'resolved')]);
  await page.goto('/street/issues');
  await signIn(page, '刘洋 Liu Yang');
  await checkPages(page, [
    { path: '/street/issues', ready: /南山街道：街道吹哨|Nanshan Street: whistles/, shows: 'li.card .countdown' },
    { path: '/street/issues?status=acknowledged', ready: /南山街道：街道吹哨|Nanshan Street: whistles/ },
    { path: '/street/issues?status=resolved', ready: /南山街道：街道吹哨|Nanshan Street: whistles/, shows: 'form.rate' },
  ]);
  await page.goto('/street/issues');
  await page.getByRole('button', { name: 'Blow the whistle', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(page, 'the whistle form with its errors');
});

test('the department’s inbox and figures pass axe (WCAG 2.2 AA) in Chinese and English', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  await Promise.all([whistle(unique('桂花路 1 号'), 'market-supervision'), whistle(unique('桂花路 2 号'), 'market-supervision', 'acknowledged')]);
  await page.goto('/department/inbox');
  await signIn(page, '吴刚 Wu Gang');
  await checkPages(page, [
    { path: '/department/inbox', ready: /区市场监督管理局：待办问题|Market Supervision Bureau: inbox/, shows: 'li.card button' },
    { path: '/department/inbox?status=acknowledged', ready: /区市场监督管理局：待办问题|Market Supervision Bureau: inbox/, shows: 'li.card textarea' },
    { path: '/department/inbox?status=resolved', ready: /区市场监督管理局：待办问题|Market Supervision Bureau: inbox/ },
    { path: '/department/performance', ready: /区市场监督管理局：本部门指标|Market Supervision Bureau: our figures/, shows: 'table' },
  ]);
});

test('a resident is told the officials’ pages are not theirs', async ({ page }) => {
  await page.goto('/street/issues');
  await signIn(page, '李强 Li Qiang');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/没有权限|You may not do this/);
  await expect(page.getByRole('link', { name: '街道吹哨' })).toHaveCount(0);
  await page.goto('/department/inbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/没有权限|You may not do this/);
});

test('the department’s nominations and the street committee’s consent cases pass axe (WCAG 2.2 AA) in Chinese and English', async ({ browser }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  const agency = unique('东湖派驻所');
  await nomination('market-supervision', 'D01/S01', agency);
  await nomination(uniqueDepartment(), 'D01/S03', unique('南山派驻站'));
  const department = await (await browser.newContext()).newPage();
  await department.goto('/department/nominations');
  await signIn(department, '吴刚 Wu Gang');
  await checkPages(department, [
    { path: '/department/nominations', ready: /区市场监督管理局：派驻机构负责人任免|Market Supervision Bureau: heads of stationed agencies/, shows: 'li.card' },
  ]);
  await department.getByRole('button', { name: 'Submit and ask the street' }).click();
  await expect(department.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(department, 'the nomination form with its errors');

  const committee = await (await browser.newContext()).newPage();
  await committee.goto('/committee/consents');
  await signIn(committee, '孙丽 Sun Li');
  await checkPages(committee, [
    { path: '/committee/consents', ready: /南山街道党工委：任免征求意见|Nanshan Street party committee: consent cases/, shows: 'li.card textarea' },
    { path: '/committee/consents?status=granted', ready: /南山街道党工委：任免征求意见|Nanshan Street party committee: consent cases/ },
  ]);
  await committee.goto('/committee/consents');
  await committee.locator('li.card').first().getByRole('button', { name: /^Answer on/ }).click();
  await expect(committee.getByRole('heading', { name: 'There is a problem' }).first()).toBeVisible();
  await expectNoViolations(committee, 'a consent decision with its errors');
});

test('the community worker’s sites, a site and the community’s issues and work items pass axe (WCAG 2.2 AA) in Chinese and English', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  const address = unique('和平路 30 号');
  const site = await registeredSite('D01/S03/C07', address);
  await page.goto('/community/sites');
  await signIn(page, '陈静 Chen Jing');
  await checkPages(page, [
    { path: '/community/sites', ready: /和平社区：场地登记|Heping Community: sites/, shows: 'li.card' },
    { path: `/community/sites/${site}`, ready: new RegExp(address) },
    { path: '/community/work', ready: /和平社区：吹哨与工作事项|Heping Community: issues and work items/ },
  ]);
  await page.goto('/community/sites');
  await page.getByLabel('Tenure').selectOption({ label: 'Rented' });
  await page.getByRole('button', { name: 'Register the site' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoViolations(page, 'the site form with its errors');
});

test('the street’s scorecard shows its five dimensions as a picture and as a table, and passes axe in both languages', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  await whistle(unique('玉泉路 8 号'), 'sanitation', 'resolved');
  await page.goto('/street/scorecard');
  await signIn(page, '刘洋 Liu Yang');
  await expect(page.getByRole('img', { name: '五有评分：每一项的完成比例' })).toBeVisible();
  await expect(page.getByRole('table', { name: '五项指标及其依据' }).getByRole('row')).toHaveCount(6);
  // The scorecard is kept from the events: the issue raised above is counted once they have arrived.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: /有机制协调/ })).toContainText(/吹哨 [1-9]\d* 件/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await checkPages(page, [{ path: '/street/scorecard', ready: /南山街道：五有评分|Nanshan Street: five-haves scorecard/, shows: 'svg.chart' }]);
});

test('the street committee’s opinion requests pass axe (WCAG 2.2 AA) in Chinese and English', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  await evaluation(unique('派驻机构半年考核'));
  await page.goto('/committee/opinions');
  await signIn(page, '孙丽 Sun Li');
  await expect(async () => {
    await page.reload();
    await expect(page.locator('li.card textarea').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await checkPages(page, [
    { path: '/committee/opinions', ready: /南山街道党工委：评价征求意见|Nanshan Street party committee: opinion requests/, shows: 'li.card textarea' },
    { path: '/committee/opinions?status=given', ready: /南山街道党工委：评价征求意见|Nanshan Street party committee: opinion requests/ },
  ]);
});

test('the street’s staff page shows its staffing figures and its roster (empty in a fresh district), and passes axe in both languages', async ({ page }) => {
  test.slow(); // axe over several pages in both languages: a busy machine takes minutes
  await page.goto('/street/staff');
  await signIn(page, '周杰 Zhou Jie');
  await expect(page.getByRole('heading', { level: 1, name: '东湖街道：人员与借调' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^\d+ 个岗位，已到岗 \d+ 人，空缺 \d+ 个/ })).toBeVisible();
  await expect(page.getByRole('table', { name: '本街道的工作人员，最近到岗的排在最前' })).toBeVisible();
  await checkPages(page, [{ path: '/street/staff', ready: /东湖街道：人员与借调|Donghu Street: staff and secondments/, shows: 'table' }]);
});

import { expect, test } from '@playwright/test';
import { unique } from './support/arrange.ts';
import { signIn } from './support/browser.ts';
import { checkPages, expectNoViolations, whistle } from './support/officials.ts';

test('the street official’s whistles pass axe (WCAG 2.2 AA) in Chinese and English, with issues in every state and the form’s errors', async ({ page }) => {
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

import { expect, test } from '@playwright/test';
import { signIn } from '../support/browser.ts';

/**
 * The district admin's power catalog, through the browser only (desktop, and a phone at 360 px):
 * a power entered (checked before sending), shown in the catalog and its domain; the same code again
 * refused in words.
 */
test('the district admin enters a power in the catalog and sees it there; the same code again is refused in words', async ({ page }) => {
  const code = `QS-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '权力清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '权力清单' })).toBeVisible();

  await page.getByLabel('编号').fill(code.toLowerCase());
  await page.getByRole('button', { name: '录入', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('编号须以大写字母或数字开头');
  await expect(page.getByRole('alert')).toContainText('请填写法律依据');

  await page.getByLabel('编号').fill(code);
  await page.getByLabel('领域').selectOption({ label: '便民服务' });
  await page.getByLabel('事项名称').fill('老年人优待证办理');
  await page.getByLabel('法律依据').fill('《中华人民共和国老年人权益保障法》第五十七条');
  await page.getByLabel('来源部门').fill('civil-affairs');
  await page.getByRole('button', { name: '录入', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(`已录入 ${code} 老年人优待证办理。`);

  await page.getByRole('link', { name: '便民服务', exact: true }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
  await expect(row).toContainText('区民政局');
  await expect(row).toContainText('第五十七条');

  await page.getByLabel('编号').fill(code);
  await page.getByLabel('事项名称').fill('重复的事项');
  await page.getByLabel('法律依据').fill('同上');
  await page.getByLabel('来源部门').fill('civil-affairs');
  await page.getByRole('button', { name: '录入', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(`${code} 已在清单中，编号不能重复。`);
});

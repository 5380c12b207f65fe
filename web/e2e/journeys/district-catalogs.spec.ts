import { expect, test } from '@playwright/test';
import { unique } from '../support/arrange.ts';
import { delegationInForce, laterDecision } from '../support/arrange-district.ts';
import { signIn } from '../support/browser.ts';

/**
 * The district admin's power catalog and access list, through the browser only (desktop, and a
 * phone at 360 px): a power entered (checked before sending), shown in the catalog and its domain; a
 * work item put on the access list by a meeting's decision; the same code again refused in words.
 */
test('the district admin enters a power in the catalog and sees it there; the same code again is refused in words', async ({ page }) => {
  const code = `QS-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '权力清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '权力清单' })).toBeVisible();

  await page.getByLabel('编号', { exact: true }).fill(code.toLowerCase());
  await page.getByRole('button', { name: '录入', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('编号须以大写字母或数字开头');
  await expect(page.getByRole('alert')).toContainText('请填写法律依据');

  await page.getByLabel('编号', { exact: true }).fill(code);
  await page.getByLabel('领域', { exact: true }).selectOption({ label: '便民服务' });
  await page.getByLabel('事项名称').fill('老年人优待证办理');
  await page.getByLabel('法律依据').fill('《中华人民共和国老年人权益保障法》第五十七条');
  await page.getByLabel('来源部门').fill('civil-affairs');
  await page.getByRole('button', { name: '录入', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '已录入' })).toContainText(`已录入 ${code} 老年人优待证办理。`);

  await page.getByRole('link', { name: '便民服务', exact: true }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
  await expect(row).toContainText('区民政局');
  await expect(row).toContainText('第五十七条');

  await page.getByLabel('编号', { exact: true }).fill(code);
  await page.getByLabel('事项名称').fill('重复的事项');
  await page.getByLabel('法律依据').fill('同上');
  await page.getByLabel('来源部门').fill('civil-affairs');
  await page.getByRole('button', { name: '录入', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(`${code} 已在清单中，编号不能重复。`);
});

test('the district admin puts a work item on the access list by a meeting’s decision, for one department; the same code again is refused in words', async ({ page }) => {
  const decision = unique('垃圾分类督导纳入准入清单');
  await laterDecision(decision);
  const code = `WI-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '准入清单管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作事项准入清单' })).toBeVisible();

  await page.getByRole('button', { name: '列入清单' }).click();
  await expect(page.getByRole('alert')).toContainText('请选择依据的联席会议决定');
  await expect(page.getByRole('alert')).toContainText('请填写事项编号');

  await page.getByLabel('依据的会议决定').selectOption({ label: `区联席会议（准入清单）：${decision}` });
  await page.getByLabel('事项编号').fill(code);
  await page.getByLabel('事项名称').fill('垃圾分类入户督导');
  await page.getByLabel('事项内容').fill('每月一次入户督导垃圾分类，记录问题户。');
  await page.getByRole('checkbox', { name: '区环境卫生管理局' }).check();
  await page.getByRole('button', { name: '列入清单' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '已列入' })).toContainText(`${code} 垃圾分类入户督导 已列入准入清单。`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
  await expect(row).toContainText('区环境卫生管理局');

  await page.getByLabel('依据的会议决定').selectOption({ label: `区联席会议（准入清单）：${decision}` });
  await page.getByLabel('事项编号').fill(code);
  await page.getByLabel('事项名称').fill('重复');
  await page.getByLabel('事项内容').fill('重复');
  await page.getByRole('button', { name: '列入清单' }).click();
  await expect(page.getByRole('alert')).toContainText(`${code} 已在准入清单上，编号不能重复。`);
});

test('the district admin revokes a delegation in force from a day, with the reason, and sees it revoked', async ({ page }) => {
  const ref = unique('青政〔2026〕收回');
  await delegationInForce(ref, 'D01/S02', '2025-03-01');
  await page.goto('/');
  await signIn(page, '高远 Gao Yuan');
  await page.getByRole('link', { name: '权力下放' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: ref }) });
  await expect(card).toContainText('已生效');
  await card.locator('summary', { hasText: `收回 ${ref}` }).click();
  await card.getByLabel('自哪一天起收回').fill('2026-01-01');
  await card.getByRole('button', { name: `收回 ${ref}` }).click();
  await expect(page.getByRole('alert')).toContainText('请填写收回理由');
  await card.getByLabel('收回理由').fill('街道承接能力不足，暂由区城管局行使。');
  await card.getByRole('button', { name: `收回 ${ref}` }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '已收回' })).toContainText(`已收回 ${ref}，自 2026年1月1日 起街道（镇）不再持有这些权力。`);
  await expect(card).toContainText('已收回 · 2025年3月1日 起生效，2026年1月1日 起收回：街道承接能力不足，暂由区城管局行使。');
  await expect(card.locator('summary')).toHaveCount(0);
});

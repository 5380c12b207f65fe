import { expect, test } from '@playwright/test';
import { unique } from './support/arrange.ts';
import { pool } from './support/arrange-finance.ts';
import { bookedRoom, departmentAssessment, failingCommunity, hiredStaff, unapprovedSecondment } from './support/arrange-street.ts';
import { signIn } from './support/browser.ts';
import { checkPages, expectNoViolations } from './support/officials.ts';

test('the street official’s premises, money, flagged secondments and rooms pass axe (WCAG 2.2 AA) in Chinese and English, forms with their errors too', async ({ page }) => {
  test.slow(); // axe over several pages in both languages, and a position's window to close first
  const [member] = await hiredStaff([unique('钱伟')]);
  await Promise.all([
    unapprovedSecondment(member!.id, '区城管执法局'),
    failingCommunity(),
    pool('D01/S03', unique('南山综合资金池'), 10_000_000),
    bookedRoom(unique('松林社区会议室'), unique('网格员培训')),
  ]);
  await page.goto('/street/premises');
  await signIn(page, '刘洋 Liu Yang');
  await checkPages(page, [
    { path: '/street/premises', ready: /南山街道：社区阵地达标情况|Nanshan Street: community premises against the standard/, shows: 'li.card table' },
    { path: '/street/premises?status=compliant', ready: /南山街道：社区阵地达标情况|Nanshan Street: community premises against the standard/ },
    { path: '/street/money', ready: /南山街道：经费|Nanshan Street: money/, shows: 'table' },
    { path: '/street/staff', ready: /南山街道：人员与借调|Nanshan Street: staff and secondments/, shows: 'li.card form' },
    { path: '/street/rooms', ready: /南山街道：场地与预约|Nanshan Street: rooms and bookings/, shows: 'ul.bookings button' },
  ]);
  await page.goto('/street/premises');
  await page.locator('li.card').filter({ hasText: 'Nanhu Community' }).getByRole('button', { name: 'Plan Nanhu Community’s remediation' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' }).first()).toBeVisible();
  await expectNoViolations(page, 'the remediation form with its errors');
  await page.goto('/street/staff');
  await page.locator('li.card form').first().getByRole('button').click();
  await expect(page.locator('li.card form .error-message').first()).toBeVisible();
  await expectNoViolations(page, 'the approval form with its error');
});

test('the street committee’s assessments pass axe (WCAG 2.2 AA) in Chinese and English, the form with its errors too', async ({ page }) => {
  test.slow(); // axe over several pages in both languages
  await departmentAssessment(`S03-AXE-${Date.now().toString(36).toUpperCase()}`, `${new Date().getFullYear()}-Q2`);
  await page.goto('/committee/assessments');
  await signIn(page, '孙丽 Sun Li');
  await checkPages(page, [
    { path: '/committee/assessments', ready: /南山街道党工委：派驻人员双重考核|Nanshan Street party committee: assessments of stationed staff/, shows: 'li.card form' },
    { path: '/committee/assessments?status=complete', ready: /南山街道党工委：派驻人员双重考核|Nanshan Street party committee: assessments of stationed staff/ },
    { path: '/committee/assessments?status=awaiting-department', ready: /南山街道党工委：派驻人员双重考核|Nanshan Street party committee: assessments of stationed staff/ },
  ]);
  await page.goto('/committee/assessments');
  await page.getByRole('button', { name: 'Record the street’s assessment' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' }).first()).toBeVisible();
  await expectNoViolations(page, 'the assessment form with its errors');
});

test('a street official is not offered the committee’s assessments, nor a committee member the street’s premises', async ({ browser }) => {
  const official = await (await browser.newContext()).newPage();
  await official.goto('/committee/assessments');
  await signIn(official, '刘洋 Liu Yang');
  await expect(official.getByRole('heading', { level: 1 })).toHaveText(/没有权限|You may not do this/);
  await expect(official.getByRole('link', { name: '派驻人员考核' })).toHaveCount(0);
  await expect(official.getByRole('link', { name: '阵地达标' })).toBeVisible();

  const committee = await (await browser.newContext()).newPage();
  await committee.goto('/street/premises');
  await signIn(committee, '孙丽 Sun Li');
  await expect(committee.getByRole('heading', { level: 1 })).toHaveText(/没有权限|You may not do this/);
  await expect(committee.getByRole('link', { name: '阵地达标' })).toHaveCount(0);
  await expect(committee.getByRole('link', { name: '派驻人员考核' })).toBeVisible();
});

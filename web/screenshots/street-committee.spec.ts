import { expect, test, type Page } from '@playwright/test';
import { signIn, switchToEnglish } from '../e2e/support/browser.ts';
import { departmentAssessment, failingCommunity } from '../e2e/support/arrange-street.ts';

const DIR = 'docs/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage: false });

/** In English: the machine that takes them may have no Chinese font (the journeys check the Chinese). */
test('the street’s premises against the standard and the committee’s assessments, as the README shows them', async ({ browser }) => {
  const period = `${new Date().getFullYear()}-H1`;
  await Promise.all([failingCommunity(), departmentAssessment('S03-MS-014', period), departmentAssessment('S03-SAN-003', period, 'sanitation')]);

  const desktop = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
  await desktop.goto('/street/premises');
  await signIn(desktop, '刘洋 Liu Yang');
  await switchToEnglish(desktop);
  await desktop.getByRole('heading', { level: 2, name: 'Nanhu Community' }).scrollIntoViewIfNeeded();
  await expect(desktop.getByRole('table', { name: 'Nanhu Community: each rule' })).toBeVisible();
  await shot(desktop, 'street-premises-en');

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto('/committee/assessments');
  await signIn(phone, '孙丽 Sun Li');
  await switchToEnglish(phone);
  await phone.locator('li.card').first().scrollIntoViewIfNeeded();
  await expect(phone.locator('li.card form').first()).toBeVisible();
  await shot(phone, 'committee-assessments-phone-en');
});

import { expect, test, type Page } from '@playwright/test';
import { signIn, switchToEnglish } from '../e2e/support/browser.ts';
import { whistle } from '../e2e/support/officials.ts';

const DIR = 'docs/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage: false });

/** In English: the machine that takes them may have no Chinese font (the journeys check the Chinese). */
test('the street official’s whistles and the department’s inbox, as the README shows them', async ({ browser }) => {
  await whistle('East gate, 18 Heping Road', 'sanitation', 'open', 'Rubbish has not been collected for three days and blocks the fire lane.');
  await whistle('Unit 2, 9 Shuyuan Road', 'sanitation', 'acknowledged', 'The stairwell lights have been out for two weeks.');
  await whistle('Car park, 3 Songlin Road', 'market-supervision', 'open', 'A shop in the car park sells gas cylinders without a licence.');

  const desktop = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
  await desktop.goto('/street/issues');
  await signIn(desktop, '刘洋 Liu Yang');
  await switchToEnglish(desktop);
  await desktop.getByRole('heading', { level: 2, name: 'The street’s issues' }).scrollIntoViewIfNeeded();
  await expect(desktop.locator('li.card .countdown').first()).toBeVisible();
  await shot(desktop, 'street-issues-en');

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto('/department/inbox');
  await signIn(phone, '郑华 Zheng Hua');
  await switchToEnglish(phone);
  await phone.locator('li.card').first().scrollIntoViewIfNeeded();
  await expect(phone.locator('li.card .countdown').first()).toBeVisible();
  await shot(phone, 'department-inbox-phone-en');
});

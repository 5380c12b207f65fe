import { expect, test, type Page } from '@playwright/test';
import { accessItem } from '../e2e/support/arrange.ts';
import { signIn, switchToEnglish } from '../e2e/support/browser.ts';
import { as, departmentOf } from '../e2e/support/officials.ts';

const DIR = 'docs/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage: false });

/** In English (the machine that takes them may have no Chinese font): a department's work items and its evaluations at 360 px. */
test('the department’s work items and evaluations, as the README shows them', async ({ browser }) => {
  const market = departmentOf('market-supervision');
  const listed = await accessItem(['market-supervision'], 'Collect small eateries’ registration papers');
  const push = (code: string, community: string, title: string) =>
    as(market, 'POST', '/coordination/work-items', { code, community, title, description: 'Within three working days, please.' }).catch(() => undefined);
  await push(listed, 'D01/S03/C07', 'Collect small eateries’ registration papers');
  await push('SC-TEMP-03', 'D01/S03/C05', 'Check unlicensed street traders');
  await push('SC-TEMP-04', 'D01/S03/C01', 'Survey shop signs on Songlin Road');
  const evaluation = await as(market, 'POST', '/authority/evaluations', {
    title: 'Market supervision stations, first half',
    period: '2026-H1',
    units: [
      { street: 'D01/S03', name: 'Nanshan station' },
      { street: 'D01/S01', name: 'Donghu station' },
    ],
  });
  const committee = { roles: ['street-committee'], jurisdiction: 'D01/S03', sub: 'e2e-committee-s03' } as Parameters<typeof as>[0];
  await as(committee, 'POST', `/authority/evaluations/${evaluation.id}/opinions`, { rating: 'good', text: 'The station answers complaints within a day.' });

  const desktop = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
  await desktop.goto('/department/work?status=blocked');
  await signIn(desktop, '吴刚 Wu Gang');
  await switchToEnglish(desktop);
  await desktop.getByRole('heading', { level: 2, name: 'What we asked' }).scrollIntoViewIfNeeded();
  await expect(desktop.locator('li.card').first()).toBeVisible();
  await shot(desktop, 'department-work-en');

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto('/department/evaluations');
  await signIn(phone, '吴刚 Wu Gang');
  await switchToEnglish(phone);
  await phone.locator('li.card').first().scrollIntoViewIfNeeded();
  await expect(phone.locator('li.card .countdown').first()).toBeVisible();
  await shot(phone, 'department-evaluations-phone-en');
});

import { expect, test, type Page } from '@playwright/test';
import { publishedPosition } from '../e2e/support/arrange.ts';
import { fundingRequest, pool } from '../e2e/support/arrange-finance.ts';
import { application } from '../e2e/support/arrange-organization.ts';
import { signIn } from '../e2e/support/browser.ts';

const DIR = 'docs/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage: false });

test("finance's requests and the organization department's ranking, as the README shows them", async ({ browser }) => {
  await pool('D01/S03', '南山街道社区惠民资金池', 180_000_000);
  await fundingRequest('D01/S03', '和平社区南侧路灯改造', 9_000_000);
  await fundingRequest('D01/S03', '翠竹社区 5 栋电梯更换', 38_000_000);
  const id = await publishedPosition({ title: '南山街道社区事务专干' });
  for (const name of ['张敏', '李伟', '陈静', '刘洋']) await application(id, name, true);
  await application(id, '王强', false);

  const desktop = await (await browser.newContext({ viewport: { width: 1024, height: 720 } })).newPage();
  await desktop.goto('/');
  await signIn(desktop, '何平 He Ping');
  await desktop.goto('/finance/requests');
  const card = desktop.getByRole('article', { name: '和平社区南侧路灯改造' });
  await card.getByLabel('同意，从资金池拨付').check();
  await card.getByLabel('从哪个资金池拨付').selectOption({ index: 1 });
  await card.scrollIntoViewIfNeeded();
  await shot(desktop, 'funding-requests');

  const office = await (await browser.newContext({ viewport: { width: 1024, height: 720 } })).newPage();
  await office.goto('/');
  await signIn(office, '冯敏 Feng Min');
  await office.goto(`/organization/positions/${id}`);
  for (const [name, score] of [['张敏', '86'], ['李伟', '91'], ['陈静', '78.5']] as const) {
    await office.getByLabel(`${name}的笔试成绩`).fill(score);
    await office.getByRole('button', { name: `保存${name}的成绩` }).click();
    await expect(office.getByRole('listitem').filter({ hasText: name })).toContainText(`笔试 ${score} 分`);
  }
  await office.getByRole('button', { name: '查看排名结果' }).click();
  await office.getByRole('table', { name: '按当前成绩的排名' }).scrollIntoViewIfNeeded();
  await shot(office, 'ranking-before-close');
});

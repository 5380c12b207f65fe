import { expect, test, type Page } from '@playwright/test';
import { dayNextWeek, publicRoom, publishedPosition } from '../e2e/support/arrange.ts';
import { ACCOUNTS, signIn } from '../e2e/support/browser.ts';

const DIR = 'docs/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage: false });

test('the main pages, as the README shows them', async ({ browser }) => {
  const ids = [];
  for (const [title, street, kind] of [
    ['社区事务专员', 'D01/S03', 'career-establishment'],
    ['网格管理员', 'D01/S01', 'community-worker'],
    ['便民服务中心工作人员', 'D01/S02', 'civil-servant'],
  ] as const) {
    ids.push(await publishedPosition({ title, street, kind }));
  }
  const room = await publicRoom('和平社区议事厅');
  const desktop = await (await browser.newContext({ viewport: { width: 1024, height: 720 } })).newPage();
  await desktop.goto('/');
  await expect(desktop.locator('ul.cards li').first()).toBeVisible();
  await shot(desktop, 'job-board');
  await desktop.goto(`/jobs/${ids[0]}`);
  await expect(desktop.getByText('报名条件')).toBeVisible();
  await shot(desktop, 'position');
  await signIn(desktop, ACCOUNTS.liQiang);
  await desktop.goto(`/jobs/${ids[0]}/apply`);
  await desktop.getByLabel('姓名').fill('李强');
  await desktop.getByLabel('出生日期').fill('1980-01-15');
  await desktop.getByLabel('最高学历').selectOption({ label: '高中（中专）' });
  await desktop.getByLabel('目前身份').selectOption({ label: '其他人员（毕业生、社会人员）' });
  await desktop.getByLabel('工作年限（年）').fill('1');
  await desktop.getByRole('button', { name: '提交申请' }).click();
  await expect(desktop.locator('ul.reasons li')).toHaveCount(4);
  await shot(desktop, 'screening-result');
  await desktop.getByRole('button', { name: 'English' }).click();
  await expect(desktop.locator('html')).toHaveAttribute('lang', 'en');
  await shot(desktop, 'screening-result-en');

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(`/rooms/${room}`);
  await signIn(phone, ACCOUNTS.wangFang);
  await phone.goto(`/rooms/${room}?week=${dayNextWeek(0)}`);
  await phone.getByLabel('日期').fill(dayNextWeek(2));
  await phone.getByLabel('开始时间').selectOption('19:00');
  await phone.getByLabel('结束时间').selectOption('20:30');
  await phone.getByLabel('用途').fill('居民议事会');
  await phone.getByLabel('参加人数').fill('12');
  await phone.getByRole('button', { name: '确认预约' }).click();
  await expect(phone.getByText('19:00–20:30 你的预约：居民议事会')).toBeVisible();
  await phone.getByRole('heading', { level: 2, name: /预约情况/ }).scrollIntoViewIfNeeded();
  await shot(phone, 'room-week-phone');
  await phone.goto('/');
  await phone.getByRole('button', { name: '登录' }).count();
  await phone.goto('/me');
  await shot(phone, 'who-am-i-phone');
});

import { expect, test } from '@playwright/test';
import { publishedPosition, unique } from '../support/arrange.ts';
import { ACCOUNTS, signIn } from '../support/browser.ts';

test('a resident signs in, finds a post on the board, applies and sees the result', async ({ page }) => {
  const title = unique('社区事务专员');
  await publishedPosition({ title, street: 'D01/S03' });

  await page.goto('/');
  await signIn(page, ACCOUNTS.wangFang);
  await page.getByLabel('街道（镇）').selectOption({ label: '南山街道' });
  await page.getByLabel('只看正在报名的岗位').check();
  await page.getByRole('button', { name: '显示岗位' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('至少有 3 年工作经历')).toBeVisible();
  await page.getByRole('link', { name: '申请这个岗位' }).click();

  await page.getByLabel('姓名').fill('王芳');
  await page.getByLabel('出生日期').fill('1995-06-01');
  await page.getByLabel('最高学历').selectOption({ label: '本科' });
  await page.getByLabel('目前身份').selectOption({ label: '社区工作者' });
  await page.getByLabel('工作年限（年）').fill('5');
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `你的申请：${title}` })).toBeVisible();
  await expect(page.getByText('资格审核通过。下一步是考试')).toBeVisible();
});

test('an ineligible applicant sees each reason in words', async ({ page }) => {
  const title = unique('网格管理员');
  const id = await publishedPosition({ title });

  await page.goto(`/jobs/${id}`);
  await signIn(page, ACCOUNTS.liQiang);
  await page.getByRole('link', { name: '申请这个岗位' }).click();
  await page.getByLabel('姓名').fill('李强');
  await page.getByLabel('出生日期').fill('1980-01-15');
  await page.getByLabel('最高学历').selectOption({ label: '高中（中专）' });
  await page.getByLabel('目前身份').selectOption({ label: '其他人员（毕业生、社会人员）' });
  await page.getByLabel('工作年限（年）').fill('1');
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page.getByText('资格审核未通过。原因如下：')).toBeVisible();
  const reasons = page.locator('ul.reasons li');
  await expect(reasons).toHaveText([
    /这个岗位招录村干部和社区工作者，你的目前身份是其他人员/,
    '需要至少 3 年工作经历，你有 1 年。',
    /年龄上限是 35 周岁.*你当时 4\d 周岁/,
    '需要大专及以上学历，你的学历是高中（中专）。',
  ]);
});

test('a second application to the same post is explained, not an error page', async ({ page }) => {
  const title = unique('便民服务专员');
  const id = await publishedPosition({ title });
  await page.goto(`/jobs/${id}`);
  await signIn(page, ACCOUNTS.zhaoMin);
  await page.getByRole('link', { name: '申请这个岗位' }).click();
  await page.getByLabel('姓名').fill('赵敏');
  await page.getByLabel('出生日期').fill('1992-03-08');
  await page.getByLabel('最高学历').selectOption({ label: '大专' });
  await page.getByLabel('目前身份').selectOption({ label: '村干部' });
  await page.getByLabel('工作年限（年）').fill('6');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('资格审核通过。下一步是考试')).toBeVisible();

  await page.goto(`/jobs/${id}/apply`);

  await expect(page.getByText(/你已于 .* 申请过这个岗位。每个岗位每人只能申请一次/)).toBeVisible();
  await expect(page.getByRole('button', { name: '提交申请' })).toHaveCount(0);
});

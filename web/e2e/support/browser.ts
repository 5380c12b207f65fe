import { expect, type Page } from '@playwright/test';

/** Seeded local accounts (infra/local/sign-in/accounts.ts), by the name the sign-in page shows. */
export const ACCOUNTS = {
  wangFang: '王芳 Wang Fang',
  liQiang: '李强 Li Qiang',
  zhaoMin: '赵敏 Zhao Min',
} as const;

/** Signs in through the real flow: the app's button, the provider's page, back to the app. */
export async function signIn(page: Page, account: string): Promise<void> {
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /登录 五有平台|Sign in to Five Haves/ })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(account) }).click();
  await expect(page.getByRole('link', { name: new RegExp(`(我的账号|My account).*${account.split(' ')[0]}`) })).toBeVisible();
}

export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

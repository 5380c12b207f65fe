import { expect, type Page } from '@playwright/test';

/**
 * The text of the newest e-mail to `email` in the local mailbox (/_local/mail), read as a developer
 * would. The SMTP server stores a message a moment after it accepted it, and the page is a list as it
 * was when loaded, so the page is loaded again until the message is there.
 */
export async function mailTo(page: Page, email: string): Promise<string> {
  const mailbox = await page.context().newPage();
  let text = '';
  await expect(async () => {
    await mailbox.goto('/_local/mail');
    const message = mailbox.locator('article').filter({ hasText: email }).first();
    await expect(message).toBeVisible({ timeout: 1_000 });
    text = await message.locator('pre').innerText();
  }).toPass({ timeout: 30_000 });
  await mailbox.close();
  return text;
}

/** The 6-digit code in the newest e-mail to `email`. */
export async function codeTo(page: Page, email: string): Promise<string> {
  return /\b(\d{6})\b/.exec(await mailTo(page, email))![1]!;
}

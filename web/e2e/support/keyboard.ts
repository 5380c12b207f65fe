import { expect, type Page } from '@playwright/test';

/**
 * Presses Tab until the focused element's name (its aria-label, its label, or its text) matches, as
 * a keyboard user moves through a page, and checks that focus is visible there: an outline, a ring,
 * or the focus colour behind it. Fails after `max` presses.
 */
export async function tabTo(page: Page, name: RegExp, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute('aria-label') ?? label ?? el.innerText ?? '',
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)',
      };
    });
    if (focused && name.test(focused.name.trim())) {
      expect(focused.visible, `focus visible on ${name}`).toBe(true);
      return;
    }
  }
  throw new Error(`no focusable element ${name} within ${max} tabs`);
}

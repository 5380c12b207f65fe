import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run web:screenshots`: the README's pictures of the main pages (docs/screenshots), not a test. */
export default defineConfig({
  ...base,
  testDir: 'web/screenshots',
  workers: 1,
  projects: [{ name: 'screenshots' }],
});

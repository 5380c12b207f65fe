import { join } from 'node:path';

/** The web tests' own ports (not npm start's 3000/8000) and data folder (its issuer key signs the arrangements). */
export const E2E_PORT = Number(process.env.WEB_E2E_PORT ?? 3300);
export const E2E_DYNAMODB_PORT = Number(process.env.WEB_E2E_DYNAMODB_PORT ?? 8300);
export const E2E_DATA_DIR = join(import.meta.dirname, '..', '..', '..', '.data', 'web-e2e');
export const E2E_BASE = `http://localhost:${E2E_PORT}`;

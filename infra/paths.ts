import { resolve } from 'node:path';

/** The repository root, for the data folder and the handler modules the service definitions name. */
export const REPO_ROOT = resolve(import.meta.dirname, '..');

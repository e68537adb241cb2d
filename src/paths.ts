import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: one level above src/ (when run from sources) or dist/ (when built). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DIR = resolve(PACKAGE_ROOT, 'rules');

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** The package version, read once from package.json so reports and SARIF name the exact tool version. */
export const VERSION: string = (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The public library API: `import { check } from 'factlint'`. */
export { check, checkPairs } from './check.js';
export type { CheckOptions, CheckResult, TextInput, PairsOptions } from './check.js';
export { render, FORMATS } from './output.js';
export type { Format } from './output.js';
export { FactlintError } from './errors.js';
export type * from './model/index.js';
export { VERSION } from './version.js';

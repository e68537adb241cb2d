/** The public library API: `import { check } from 'factlint'`. */
export { check, checkBitext, checkPairs, checkRows } from './check.js';
export type { CheckOptions, CheckResult, TextInput, PairsOptions, PairRow } from './check.js';
export type { BitextOptions } from './bitext/index.js';
export { render, FORMATS } from './output.js';
export type { Format } from './output.js';
export { FactlintError } from './errors.js';
export type * from './model/index.js';
export { VERSION } from './version.js';

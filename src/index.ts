/** The public library API: `import { check } from 'factlint'`. */
import { check as checkSources, type CheckOptions, type CheckResult, type TextInput } from './check.js';
import { validateCheckCall } from './model/input.js';

export { checkBitext, checkPairs, checkRows } from './check.js';

/**
 * Checks sources given as paths (files or folders) and/or in-memory texts with metadata, and returns the report
 * (the object the JSON format writes) with what reporters need to render it. The call is validated first (zod):
 * a wrong shape is a FactlintError FL118 naming each field, before any file is read.
 */
export async function check(inputs: (string | TextInput)[], opts: CheckOptions = {}): Promise<CheckResult> {
  validateCheckCall(inputs, opts);
  return checkSources(inputs, opts);
}
export type { CheckOptions, CheckResult, TextInput, PairsOptions, PairRow } from './check.js';
export type { BitextOptions } from './bitext/index.js';
export { render, FORMATS } from './output.js';
export type { Format } from './output.js';
export { FactlintError } from './errors.js';
export type * from './model/index.js';
export { VERSION } from './version.js';

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FactlintError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import { describeAjvError, jsonErrorLine, schemaValidator } from '../schema.js';
import { ENGINE_VARS, KINDS, placeholdersOf } from './registry.js';
import type { Severity } from '../model/finding.js';
import type { LoadedRule, RuleFile } from '../model/rule.js';

export type { LoadedRule } from '../model/rule.js';

/** Per-rule overrides from the config: false switches a rule off, a severity changes it. */
export type RuleOverrides = Record<string, boolean | Severity | 'off'>;

function loadRuleFile(path: string): LoadedRule {
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) {
    throw new FactlintError('FL401', `not valid JSON (${(e as Error).message})`, path, jsonErrorLine(text, e), 'fix the JSON syntax of this rule file');
  }
  const validate = schemaValidator('rule.schema.json');
  if (!validate(data)) {
    // "must match the then schema" only repeats that the params errors listed are the kind's.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    throw new FactlintError('FL402', errors.map(describeAjvError).join('; '), path, undefined, 'see rules/schema/rule.schema.json');
  }
  const rule = data as RuleFile;
  const kind = KINDS[rule.kind];
  if (!kind) throw new FactlintError('FL403', `kind: unknown rule kind "${rule.kind}"`, path, undefined, `use one of: ${Object.keys(KINDS).sort().join(', ')}`);
  const vp = schemaValidator(`kind:${kind.name}`, kind.paramsSchema);
  const params = rule.params ?? {};
  if (!vp(params)) {
    throw new FactlintError('FL404', (vp.errors ?? []).map((e) => `params${describeAjvError(e).replace(/^\(top level\)/, '')}`).join('; '), path, undefined, `see the params of kind "${kind.name}" in the README`);
  }
  const fills = new Set<string>([...ENGINE_VARS, ...kind.vars]);
  const unfilled = placeholdersOf(rule.message).filter((v) => !fills.has(v));
  if (unfilled.length) {
    throw new FactlintError('FL409', `message: ${unfilled.map((v) => `{${v}}`).join(', ')} is filled by no finding of kind "${kind.name}"`, path, undefined, `use only ${[...fills].map((v) => `{${v}}`).join(', ')}`);
  }
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
  if (base !== rule.id) throw new FactlintError('FL405', `id "${rule.id}" does not match the file name "${base}.json"`, path, undefined, 'name the file after the rule id');
  return { ...rule, file: path, params };
}

/** Loads rules/checks plus any extra rule folders; later folders may not redefine an id. */
export function loadRules(extraDirs: string[] = [], overrides: RuleOverrides = {}): LoadedRule[] {
  const dirs = [resolve(RULES_DIR, 'checks'), ...extraDirs.map((d) => resolve(d))];
  const rules: LoadedRule[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    } catch {
      throw new FactlintError('FL406', 'rules folder not found or not a folder', dir, undefined, 'pass a folder of <rule-id>.json files to --rules');
    }
    for (const n of names) {
      const r = loadRuleFile(resolve(dir, n));
      const prev = seen.get(r.id);
      if (prev) throw new FactlintError('FL407', `rule id "${r.id}" is already defined in ${prev}`, r.file, undefined, 'give the rule a unique id');
      seen.set(r.id, r.file);
      rules.push(r);
    }
  }
  for (const id of Object.keys(overrides)) {
    if (!seen.has(id)) throw new FactlintError('FL408', `unknown rule "${id}" in rule settings`, undefined, undefined, `known rules: ${[...seen.keys()].sort().join(', ')}`);
  }
  return rules
    .map((r) => {
      const o = overrides[r.id];
      if (o === false || o === 'off') return { ...r, enabled: false };
      if (o === true) return { ...r, enabled: true };
      if (typeof o === 'string') return { ...r, severity: o, enabled: true };
      return r;
    })
    .filter((r) => r.enabled !== false);
}

#!/usr/bin/env node
// Writes what is generated from the rule kinds and rule files (src/rules/generated.ts): rule.schema.json's kinds and
// per-kind params schemas, the rule entries of config.schema.json, and the README's rule table. Run after adding or
// changing a rule or a kind's params (build first: it reads dist/):
//   npm run build && node scripts/gen-rules.mjs
// test/rules/generated.test.ts fails when one of the files is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configSchema, ruleSchema, withRuleTable } from '../dist/rules/generated.js';
import { KINDS } from '../dist/rules/registry.js';
import { loadRules } from '../dist/rules/load.js';

const ROOT = resolve(import.meta.dirname, '..');
const json = (p) => JSON.parse(readFileSync(resolve(ROOT, p), 'utf8'));
const write = (p, text) => writeFileSync(resolve(ROOT, p), text);
const rules = loadRules();
write('rules/schema/rule.schema.json', `${JSON.stringify(ruleSchema(json('rules/schema/rule.schema.json'), KINDS), null, 2)}\n`);
write('rules/schema/config.schema.json', `${JSON.stringify(configSchema(json('rules/schema/config.schema.json'), rules), null, 2)}\n`);
write('README.md', withRuleTable(readFileSync(resolve(ROOT, 'README.md'), 'utf8'), rules));
console.log(`rule schema: ${Object.keys(KINDS).length} kinds; config schema and README table: ${rules.length} rules`);

#!/usr/bin/env node
// Regenerates the `rules` section of rules/schema/config.schema.json from the rule files in rules/checks/, so
// editors get completion for every rule id with its description and default severity. Run after adding a rule:
//   node scripts/gen-config-schema.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const schemaPath = resolve(ROOT, 'rules/schema/config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const props = {};
for (const f of readdirSync(resolve(ROOT, 'rules/checks')).filter((n) => n.endsWith('.json')).sort()) {
  const r = JSON.parse(readFileSync(resolve(ROOT, 'rules/checks', f), 'utf8'));
  props[r.id] = {
    description: `${r.description} Default: ${r.severity}. true: on; false or "off": off; a severity: on with that severity.`,
    enum: [true, false, 'off', 'error', 'warning', 'info'],
  };
}
schema.properties.rules.properties = props;
writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`config schema: ${Object.keys(props).length} rules`);

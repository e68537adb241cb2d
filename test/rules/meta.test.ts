import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import { loadRules } from '../../src/rules/load.js';
import { KINDS } from '../../src/rules/registry.js';
import { check, type TextInput } from '../../src/check.js';
import type { RuleExample } from '../../src/rules/types.js';

const ROOT = resolve(import.meta.dirname, '../..');
const rules = loadRules();
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** Runs one example as its own story: a and b (and any others) as in-memory sources. */
async function findingsOf(ruleId: string, ex: RuleExample): Promise<string[]> {
  const inputs: TextInput[] = [
    { id: 'a.txt', text: ex.a, story: 'ex', ...(ex.langA ? { lang: ex.langA } : {}), ...(ex.published ? { published: ex.published } : {}), ...(ex.bylineA ? { byline: ex.bylineA } : {}), ...(ex.original === 'a' ? { original: true } : {}) },
    { id: 'b.txt', text: ex.b, story: 'ex', ...(ex.langB ? { lang: ex.langB } : {}), ...(ex.published ? { published: ex.published } : {}), ...(ex.original === 'b' ? { original: true } : {}) },
    ...(ex.others ?? []).map((t, i) => ({ id: `o${i}.txt`, text: t, story: 'ex', byline: 'By a reporter', ...(ex.langA ? { lang: ex.langA } : {}) })),
  ];
  const { report } = await check(inputs, ex.relation ? { relations: { ex: ex.relation } } : {});
  return report.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.message} @ ${f.locations.map((l) => l.text).join(' | ')}`);
}

// The run-time validator skips checking schemas against the meta-schema (src/schema.ts); this is where that is done.
describe('schemas', () => {
  const Ajv = AjvModule as unknown as typeof AjvModule.default;
  const schemaFiles = readdirSync(resolve(ROOT, 'rules/schema')).filter((f) => f.endsWith('.schema.json'));
  it.each(schemaFiles.map((f) => [f]))('rules/schema/%s is a valid JSON Schema', (f) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const schema = JSON.parse(readFileSync(resolve(ROOT, 'rules/schema', f), 'utf8')) as object;
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
  it.each(Object.keys(KINDS).map((k) => [k]))('the params schema of kind %s is a valid JSON Schema', (k) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validateSchema(KINDS[k]!.paramsSchema), JSON.stringify(ajv.errors)).toBe(true);
  });
  it('a schema broken against the meta-schema is caught by this check', () => {
    expect(new Ajv({ strict: false }).validateSchema({ type: 'object', properties: { a: { type: 'strnig' } } })).toBe(false);
  });
});

describe('rule files', () => {
  it('have unique ids, known kinds and a file named after the id', () => {
    const files = readdirSync(resolve(ROOT, 'rules/checks')).filter((f) => f.endsWith('.json'));
    expect(rules.length).toBe(files.length);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(KINDS[r.kind], r.id).toBeDefined();
      expect(r.file.endsWith(`${r.id}.json`)).toBe(true);
    }
  });

  it('cover all eleven categories', () => {
    expect(new Set(rules.map((r) => r.category)).size).toBe(11);
  });

  it.each(rules.map((r) => [r.id]))('%s has a row in the README rule table', (id) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  });

  for (const r of rules) {
    describe(r.id, () => {
      it.each(r.examples.invalid.map((ex, i) => [i, ex] as const))('invalid example %i is reported', async (_i, ex) => {
        expect(await findingsOf(r.id, ex)).not.toEqual([]);
      });
      it.each(r.examples.valid.map((ex, i) => [i, ex] as const))('valid example %i is not reported', async (_i, ex) => {
        expect(await findingsOf(r.id, ex)).toEqual([]);
      });
    });
  }
});

/** The files written by scripts/gen-rules.mjs are what src/rules/generated.ts makes of the current kinds and rules. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema, ruleSchema, ruleTable, withRuleTable } from '../../src/rules/generated.js';
import { KINDS } from '../../src/rules/registry.js';
import { loadRules } from '../../src/rules/load.js';

const ROOT = resolve(import.meta.dirname, '../..');
const text = (p: string): string => readFileSync(resolve(ROOT, p), 'utf8');
const json = (p: string): Record<string, unknown> => JSON.parse(text(p)) as Record<string, unknown>;
const rules = loadRules();
const STALE = 'out of date: run `npm run build && node scripts/gen-rules.mjs`';

describe('generated rule files are current', () => {
  it('rules/schema/rule.schema.json', () => {
    const file = text('rules/schema/rule.schema.json');
    expect(file, STALE).toBe(`${JSON.stringify(ruleSchema(JSON.parse(file) as Record<string, unknown>, KINDS), null, 2)}\n`);
  });
  it('rules/schema/config.schema.json', () => {
    const file = text('rules/schema/config.schema.json');
    expect(file, STALE).toBe(`${JSON.stringify(configSchema(JSON.parse(file) as Record<string, unknown>, rules), null, 2)}\n`);
  });
  it("the README's rule table", () => {
    const readme = text('README.md');
    expect(readme, STALE).toBe(withRuleTable(readme, rules));
    expect(readme).toContain(ruleTable(rules));
  });
});

describe('the rule schema teaches the params', () => {
  const Ajv = AjvModule as unknown as typeof AjvModule.default;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(json('rules/schema/rule.schema.json'));
  const edited = json('rules/checks/edited-name.json');

  it('accepts every rule file', () => {
    for (const r of rules) expect(validate(json(`rules/checks/${r.id}.json`)), `${r.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });
  it.each([
    ['a param the kind does not have', { maxRegions: 1, change: 'name', maxChangedShare: 0.25, spellingDistance: 2, colour: 'red' }, 'additionalProperty'],
    ['a value out of range', { change: 'name', maxChangedShare: 2, spellingDistance: 2, maxRegions: 1 }, 'maximum'],
    ['a value not in the enum', { change: 'names', maxChangedShare: 0.25, spellingDistance: 2, maxRegions: 1 }, 'allowedValues'],
    ['a required param missing', { change: 'name', maxChangedShare: 0.25, spellingDistance: 2 }, 'missingProperty'],
  ])('refuses %s in an edit-diff rule', (_what, params, word) => {
    expect(validate({ ...edited, params })).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain(word);
  });
  it('refuses an unknown kind', () => {
    expect(validate({ ...edited, kind: 'edit-dif' })).toBe(false);
  });
  it('describes each param of each kind', () => {
    for (const k of Object.values(KINDS)) {
      for (const [name, p] of Object.entries((k.paramsSchema.properties ?? {}) as Record<string, { description?: string }>)) {
        expect(p.description, `${k.name}.${name}`).toMatch(/\w/);
      }
    }
  });
});

it('a rule file with bad params is refused at load, naming each param and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-rule-'));
  const r = json('rules/checks/edited-name.json');
  writeFileSync(join(dir, 'x-name.json'), JSON.stringify({ ...r, id: 'x-name', params: { ...(r.params as object), colour: 'red', maxChangedShare: 3 } }));
  try {
    expect(() => loadRules([dir])).toThrow(expect.objectContaining({ code: 'FL402', message: 'params: unknown field "colour"; params.maxChangedShare: must be <= 1' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';

import { PACKAGE_ROOT } from '../../src/paths.js';
import { defaultKnowledge } from '../../src/lang/knowledge.js';

/** Unit keys the packs may use that belong to no dimension: compared only with the same key. */
const UNCONVERTED = new Set(['pp', 'age', 'TEU', 'magnitude']);

describe('rules/units.json', () => {
  it('validates against its schema', () => {
    const Ajv = AjvModule as unknown as typeof AjvModule.default;
    const schema = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'rules/schema/units.schema.json'), 'utf8')) as object;
    const data = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'rules/units.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('puts each unit in one dimension, with the base unit first', () => {
    const data = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'rules/units.json'), 'utf8')) as { dimensions: Record<string, Record<string, number>> };
    const seen = new Set<string>();
    for (const members of Object.values(data.dimensions)) {
      expect(Object.values(members)[0]).toBe(1);
      for (const k of Object.keys(members)) {
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
      }
    }
  });

  const packs = readdirSync(resolve(PACKAGE_ROOT, 'rules/lang')).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
  it.each(packs)('every unit and duration of the %s pack is in the table (or compared as written)', (code) => {
    const t = defaultKnowledge().units();
    const pack = defaultKnowledge().pack(code);
    for (const key of [...Object.values(pack.units), ...Object.values(pack.durations)]) {
      const [base, per] = key.split('/');
      expect(t.of.has(base!) || t.either.has(base!) || UNCONVERTED.has(base!), `${code}: ${key}`).toBe(true);
      if (per) expect(t.of.get(per)?.dimension, `${code}: ${key}`).toMatch(/^(calendar|days|clock)$/);
    }
  });
});

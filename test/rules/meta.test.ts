import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import { loadRules } from '../../src/rules/load.js';
import { ENGINE_VARS, KINDS, placeholdersOf, type RawFinding, type RuleKind } from '../../src/rules/registry.js';
import { check, type TextInput } from '../../src/check.js';
import type { RuleExample } from '../../src/rules/types.js';
import type { ExpectedFinding } from '../../src/model/rule.js';
import { FactlintError } from '../../src/errors.js';

const ROOT = resolve(import.meta.dirname, '../..');
const rules = loadRules();
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/**
 * The variables each kind's findings filled while the examples ran (its check functions wrapped): a kind may fill only
 * what it declares in `vars`, and a message may use only what the kind fills.
 */
const filled = new Map<string, Set<string>>();
for (const kind of Object.values(KINDS) as RuleKind[]) {
  const seen = filled.set(kind.name, new Set()).get(kind.name)!;
  const record = (out: RawFinding[]): RawFinding[] => {
    for (const f of out) for (const k of Object.keys(f.vars)) seen.add(k);
    return out;
  };
  for (const fn of ['checkPair', 'checkSource', 'checkStory'] as const) {
    const original = kind[fn] as ((ctx: never, params: never) => RawFinding[]) | undefined;
    if (original) (kind as unknown as Record<string, unknown>)[fn] = (ctx: never, params: never) => record(original.call(kind, ctx, params));
  }
}

/** A finding as an example states it: "a: Paris" for a location in text a (a.txt), and the message. */
const sideOf = (source: string): string => source.replace(/\.txt$/, '');

/** Runs one example as its own story: a and b (and any others) as in-memory sources. */
async function findingsOf(ruleId: string, ex: RuleExample): Promise<Required<ExpectedFinding>[]> {
  const inputs: TextInput[] = [
    { id: 'a.txt', text: ex.a, story: 'ex', ...(ex.langA ? { lang: ex.langA } : {}), ...(ex.published ? { published: ex.published } : {}), ...(ex.bylineA ? { byline: ex.bylineA } : {}), ...(ex.original === 'a' ? { original: true } : {}) },
    { id: 'b.txt', text: ex.b, story: 'ex', ...(ex.langB ? { lang: ex.langB } : {}), ...(ex.published ? { published: ex.published } : {}), ...(ex.original === 'b' ? { original: true } : {}) },
    ...(ex.others ?? []).map((t, i) => ({ id: `o${i}.txt`, text: t, story: 'ex', byline: 'By a reporter', ...(ex.langA ? { lang: ex.langA } : {}) })),
  ];
  const { report } = await check(inputs, ex.relation ? { relations: { ex: ex.relation } } : {});
  return report.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ spans: f.locations.map((l) => `${sideOf(l.source)}: ${l.text}`), message: f.message }));
}

/** What an example says it must find, with each message it does not state taken from the finding it is matched with. */
function expected(ex: RuleExample, got: Required<ExpectedFinding>[]): Required<ExpectedFinding>[] {
  return (ex.finds ?? []).map((e, i) => ({ spans: e.spans, message: e.message ?? got[i]?.message ?? '' }));
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

describe('message variables', () => {
  it.each(rules.map((r) => [r.id]))('every placeholder of the message of %s is one its kind fills', (id) => {
    const r = rules.find((x) => x.id === id)!;
    const fills = new Set<string>([...ENGINE_VARS, ...KINDS[r.kind]!.vars]);
    expect(placeholdersOf(r.message).filter((v) => !fills.has(v))).toEqual([]);
  });

  it('a rule file whose message uses a placeholder its kind never fills is refused at load (FL409)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-rule-'));
    const r = JSON.parse(readFileSync(resolve(ROOT, 'rules/checks/edited-name.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'edited-name-2.json'), JSON.stringify({ ...r, id: 'edited-name-2', message: 'A name was changed: {a} became {b} ({reason})' }));
    try {
      expect(() => loadRules([dir])).toThrow(FactlintError);
      expect(() => loadRules([dir])).toThrow(/\{reason\} is filled by no finding of kind "edit-diff"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      it.each(r.examples.invalid.map((ex, i) => [i, ex] as const))('invalid example %i reports what it names, and nothing else', async (_i, ex) => {
        const got = await findingsOf(r.id, ex);
        expect(ex.finds?.length, 'an invalid example names what it must find').toBeGreaterThan(0);
        expect(got).toEqual(expected(ex, got));
        // Every placeholder was filled: none is left in a message as written.
        for (const f of got) for (const v of placeholdersOf(r.message)) expect(f.message, v).not.toContain(`{${v}}`);
      });
      it.each(r.examples.valid.map((ex, i) => [i, ex] as const))('valid example %i is not reported', async (_i, ex) => {
        expect(await findingsOf(r.id, ex)).toEqual([]);
      });
    });
  }
});

// After the examples above (vitest runs a file's tests in order): what the kinds filled while they ran.
describe('kinds fill only the variables they declare', () => {
  it.each(Object.keys(KINDS).map((k) => [k]))('%s', (k) => {
    const declared = new Set<string>(KINDS[k]!.vars);
    expect(filled.get(k)!.size, 'some example exercises the kind').toBeGreaterThan(0);
    expect([...filled.get(k)!].filter((v) => !declared.has(v))).toEqual([]);
  });
});

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONFIG_CODES, CONFIG_FILE, defaultConfig, fieldPath, initConfig, jsonErrorOffset, languageFor, loadConfig, parseConfig,
} from '../src/config.js';
import { FactlintError } from '../src/errors.js';
import { FORMATS } from '../src/output.js';
import { jsonOffsets } from '../src/schema.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'factlint-config-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string): string => {
  fs.mkdirSync(join(dir, name, '..'), { recursive: true });
  fs.writeFileSync(join(dir, name), content);
  return join(dir, name);
};

async function failure(p: Promise<unknown>): Promise<FactlintError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FactlintError);
    return e as FactlintError;
  }
  throw new Error('expected a FactlintError');
}

describe('loadConfig', () => {
  it('without a config file: the defaults, and no file', async () => {
    expect(await loadConfig(undefined, dir)).toEqual({ config: defaultConfig() });
    expect(defaultConfig()).toEqual({ rules: {}, ruleDirs: [], languages: {}, furniture: [], failOn: 'error', formats: ['text'], maxFileSize: 10 * 1024 * 1024 });
  });

  it('finds factlint.config.json in cwd and resolves its paths against its folder', async () => {
    write(CONFIG_FILE, JSON.stringify({
      rules: { 'number-conflict': 'warning', 'omitted-content': false, 'my-rule': 'off', 'date-conflict': true },
      ruleDirs: ['house-rules'],
      languages: { '*.vi.txt': 'vi', 'articles/ru/**': 'ru' },
      furniture: ['^Xem thêm:.*$'],
      failOn: 'warning',
      formats: ['json', 'sarif'],
      outputDir: 'reports',
      maxFileSize: 1000,
      baseline: 'factlint.baseline.json',
    }));
    const { config, file } = await loadConfig(undefined, dir);
    expect(file).toBe(CONFIG_FILE); // as messages name it: relative to cwd
    expect(config).toEqual({
      rules: { 'number-conflict': 'warning', 'omitted-content': false, 'my-rule': 'off', 'date-conflict': true },
      ruleDirs: [join(dir, 'house-rules')],
      languages: { '*.vi.txt': 'vi', [`${dir.split('\\').join('/')}/articles/ru/**`]: 'ru' },
      furniture: ['^Xem thêm:.*$'],
      failOn: 'warning',
      formats: ['json', 'sarif'],
      outputDir: join(dir, 'reports'),
      maxFileSize: 1000,
      baseline: join(dir, 'factlint.baseline.json'),
    });
  });

  it('a named config file is relative to cwd, and its paths to its own folder', async () => {
    write('ci/factlint.json', '{ "ruleDirs": ["../rules"], "outputDir": "out" }');
    const { config, file } = await loadConfig('ci/factlint.json', dir);
    expect(file).toBe('ci/factlint.json');
    expect(config.ruleDirs).toEqual([join(dir, 'rules')]);
    expect(config.outputDir).toBe(join(dir, 'ci', 'out'));
  });

  it('ignores "//" comment keys and "$schema"', async () => {
    write(CONFIG_FILE, '{ "$schema": "./node_modules/factlint/rules/schema/config.schema.json", "// failOn": "stricter in CI", "failOn": "info" }');
    expect((await loadConfig(undefined, dir)).config).toEqual({ ...defaultConfig(), failOn: 'info' });
  });

  it.each([
    ['a missing named file', undefined, 'nope.json', 'FL100'],
    ['a folder', 'folder/x', 'folder', 'FL116'],
    ['an empty file', 'empty.json', 'empty.json', 'FL103'],
  ])('%s has the loader\'s code', async (_name, create, path, code) => {
    if (create) write(create, create.endsWith('x') ? 'x' : '');
    expect((await failure(loadConfig(path, dir))).code).toBe(code);
  });
});

describe('bad configs are FL6xx errors naming the field and the line', () => {
  it.each<{ name: string; text: string; code: string; message: string | RegExp; line?: number; hint?: RegExp }>([
    { name: 'invalid JSON', text: '{\n  "failOn": "error",\n  "formats": ["json",]\n}', code: 'FL601', message: "not valid JSON: Unexpected token ']'", line: 3 },
    { name: 'a comment', text: '{\n  // strict\n  "failOn": "error"\n}', code: 'FL601', message: "not valid JSON: Expected property name or '}'", line: 2 },
    { name: 'truncated JSON', text: '{\n  "failOn": "error",\n', code: 'FL601', message: /^not valid JSON: /, line: 3 },
    { name: 'a line break in a string', text: '{\n  "outputDir": "rep\norts"\n}', code: 'FL601', message: 'not valid JSON: Bad control character in string literal', line: 2 },
    { name: 'not an object', text: '["json"]', code: 'FL602', message: '(top level): must be object', line: 1 },
    { name: 'an unknown key', text: '{\n  "failOn": "error",\n  "failon": "none"\n}', code: 'FL602', message: 'failon: unknown field', line: 3, hint: /^did you mean "failOn"\?$/ },
    { name: 'a misspelt key', text: '{ "formts": ["json"] }', code: 'FL602', message: 'formts: unknown field', line: 1, hint: /did you mean "formats"\?/ },
    { name: 'a bad failOn', text: '{\n"failOn": "errors"\n}', code: 'FL602', message: 'failOn: must be one of ["error","warning","info","none"]', line: 2 },
    { name: 'an unknown format', text: '{ "formats": ["json", "pdf"] }', code: 'FL602', message: 'formats[1]: must be one of ["text","json","html","sarif","junit","github"]' },
    { name: 'a repeated format', text: '{ "formats": ["json", "json"] }', code: 'FL602', message: /^formats: must NOT have duplicate items/ },
    { name: 'no formats', text: '{ "formats": [] }', code: 'FL602', message: 'formats: must NOT have fewer than 1 items' },
    { name: 'a bad rule setting', text: '{ "rules": {\n "number-conflict": "warn" } }', code: 'FL602', message: /^rules\.number-conflict: must be one of \[true,false,"off","error","warning","info"\]$/, line: 2 },
    { name: 'a bad custom rule setting', text: '{ "rules": { "my-rule": 1 } }', code: 'FL602', message: /^rules\.my-rule: must be one of/ },
    { name: 'a bad rule id', text: '{ "rules": {\n\n "Number_Conflict": true } }', code: 'FL602', message: /^rules: key "Number_Conflict" must match pattern/, line: 3 },
    { name: 'ruleDirs not a list', text: '{ "ruleDirs": "rules" }', code: 'FL602', message: 'ruleDirs: must be array' },
    { name: 'a negative maxFileSize', text: '{ "maxFileSize": -5 }', code: 'FL602', message: 'maxFileSize: must be >= 1' },
    { name: 'a fractional maxFileSize', text: '{ "maxFileSize": 1.5 }', code: 'FL602', message: 'maxFileSize: must be integer' },
    { name: 'a maxFileSize string', text: '{ "maxFileSize": "10MB" }', code: 'FL602', message: 'maxFileSize: must be integer' },
    { name: 'an empty outputDir', text: '{ "outputDir": "" }', code: 'FL602', message: 'outputDir: must NOT have fewer than 1 characters' },
    { name: 'a language key with a slash', text: '{ "languages": { "a/b.txt": "EN" } }', code: 'FL602', message: /^languages\["a\/b\.txt"\]: must match pattern/ },
    { name: 'several problems', text: '{ "failOn": 1, "extra": true }', code: 'FL602', message: /unknown field.*; failOn: must be one of|failOn: must be one of.*; extra: unknown field/ },
    { name: 'a bad furniture pattern', text: '{ "furniture": [\n  "^ok$",\n  "^(unclosed$"\n] }', code: 'FL603', message: /^furniture\[1\]: not a valid regular expression \(Invalid regular expression/, line: 3 },
    { name: 'a furniture pattern with a lookbehind', text: '{ "furniture": [\n  "^ok$",\n  "(?<=Share) this$"\n] }', code: 'FL606', message: /^furniture\[1\]: refused, it uses a lookahead or lookbehind/, line: 3 },
    { name: 'a furniture pattern with a backreference', text: '{ "furniture": ["^(\\\\w+) \\\\1$"] }', code: 'FL606', message: /^furniture\[0\]: refused, it uses a backreference/, line: 1 },
    { name: 'an unknown language', text: '{ "languages": {\n "*.xx.txt": "xx" } }', code: 'FL604', message: 'languages["*.xx.txt"]: "xx" is not an ISO 639-1 language code', line: 2 },
  ])('$name → $code', async ({ text, code, message, line, hint }) => {
    write(CONFIG_FILE, text);
    const e = await failure(loadConfig(undefined, dir));
    expect(e.code).toBe(code);
    expect(e.file).toBe(CONFIG_FILE);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    if (line !== undefined) expect(e.line).toBe(line);
    expect(e.hint).toBeTruthy();
    if (hint) expect(e.hint).toMatch(hint);
    expect(Object.keys(CONFIG_CODES)).toContain(code);
  });
});

describe('the published schema', () => {
  const schema = JSON.parse(fs.readFileSync('rules/schema/config.schema.json', 'utf8')) as {
    properties: Record<string, { description?: string; items?: { enum?: string[] }; properties?: Record<string, unknown> }>;
  };

  it('describes every setting (editors show the descriptions)', () => {
    for (const [key, prop] of Object.entries(schema.properties)) expect(prop.description, key).toBeTruthy();
    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(defaultConfig()), 'outputDir', 'baseline', '$schema'].sort());
  });

  it('lists every built-in rule, for completion', () => {
    const rules = fs.readdirSync('rules/checks').filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, '')).sort();
    expect(Object.keys(schema.properties.rules?.properties ?? {}).sort()).toEqual(rules);
  });

  it('lists the formats the CLI writes', () => {
    expect(schema.properties.formats?.items?.enum).toEqual([...FORMATS]);
  });
});

describe('initConfig', () => {
  it('is valid JSON with "$schema", loads to the defaults, and carries a description for each setting', async () => {
    const text = initConfig(dir);
    const data = JSON.parse(text) as Record<string, unknown>;
    // The path from the folder to the schema of the factlint that runs: it resolves there.
    expect(fs.existsSync(resolve(dir, String(data.$schema)))).toBe(true);
    expect(data['// baseline']).toMatch(/Example: "baseline": "factlint-baseline\.json"/);
    expect(JSON.parse(initConfig(process.cwd())).$schema).toBe('./rules/schema/config.schema.json');
    for (const key of ['rules', 'ruleDirs', 'languages', 'furniture', 'failOn', 'formats', 'outputDir', 'maxFileSize', 'baseline']) {
      expect(typeof data[`// ${key}`], key).toBe('string');
    }
    expect(data['// outputDir']).toMatch(/Example: "outputDir": "reports"/);
    write(CONFIG_FILE, text);
    expect((await loadConfig(undefined, dir)).config).toEqual(defaultConfig());
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('languageFor', () => {
  const languages = parseConfig(
    JSON.stringify({ languages: { '*.txt': 'en', '*.vi.txt': 'vi', 'articles/ru': 'ru', 'feeds/**/*.{md,txt}': 'uk', 'one?.txt': 'de' } }),
    'factlint.config.json',
    '/proj',
  ).languages;

  it.each([
    ['story.txt', 'en'],
    ['story.vi.txt', 'vi'], // later patterns win
    ['deep/down/story.vi.txt', 'vi'], // patterns without "/" match the base name anywhere
    ['articles/ru/a.txt', 'ru'], // a folder matches everything under it
    ['articles/ru/x/a.md', 'ru'],
    ['articles/rus/a.md', undefined],
    ['feeds/a.md', 'uk'],
    ['feeds/x/y/a.txt', 'uk'],
    ['feeds/x/a.html', undefined],
    ['one1.txt', 'de'],
    ['one12.txt', 'en'],
    ['story.md', undefined],
  ])('%s → %s', (path, expected) => {
    expect(languageFor(languages, path, '/proj')).toBe(expected);
  });
});

describe('field locations', () => {
  it('jsonOffsets finds keys and values by JSON pointer', () => {
    const text = '{\n "a": [1, {"b/c": "x\\"y"}],\n "d": true\n}';
    const o = jsonOffsets(text);
    expect(text.slice(o.get('/a')?.key, (o.get('/a')?.key ?? 0) + 3)).toBe('"a"');
    expect(text[o.get('/a/0')?.value ?? -1]).toBe('1');
    expect(text.slice(o.get('/a/1/b~1c')?.value ?? -1).startsWith('"x\\"y"')).toBe(true);
    expect(text.slice(o.get('/d')?.value ?? -1).startsWith('true')).toBe(true);
  });

  it.each([
    [[], '(top level)'],
    [['failOn'], 'failOn'],
    [['rules', 'date-conflict'], 'rules.date-conflict'],
    [['furniture', 2], 'furniture[2]'],
    [['languages', 'articles/vi/**'], 'languages["articles/vi/**"]'],
  ])('fieldPath(%j) = %s', (segs, expected) => {
    expect(fieldPath(segs)).toBe(expected);
  });

  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2, "x\\u00e9", true, null, -0.5e3]', undefined],
    ['{"a": [1,]}', 9],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['{"a": tru}', 6],
    ['{"a": "b', 8],
    ['{"a": 01}', 7],
    ['{"a": 1} x', 9],
    ['{"a": "\\x"}', 8],
    ["{'a': 1}", 1],
  ])('jsonErrorOffset(%s) = %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('jsonErrorOffset finds an error exactly when JSON.parse does', () => {
    const parses = (t: string): boolean => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    // Valid JSON (pretty-printed or not), and valid JSON with one character cut out or doubled.
    const texts = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
      fc.tuple(fc.jsonValue().map((v) => JSON.stringify(v)), fc.nat(), fc.boolean()).map(([t, i, cut]) => {
        const k = t.length === 0 ? 0 : i % t.length;
        return cut ? t.slice(0, k) + t.slice(k + 1) : t.slice(0, k + 1) + t.slice(k);
      }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expect(jsonErrorOffset(t) === undefined).toBe(parses(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('docs', () => {
  it('docs/workflow.md has a row for every config code, and no row for an unknown one', () => {
    const doc = fs.readFileSync(new URL('../docs/workflow.md', import.meta.url), 'utf8');
    for (const [code, info] of Object.entries(CONFIG_CODES)) expect(doc, code).toMatch(new RegExp(`^\\| ${code} \\| ${info.kind} \\|`, 'm'));
    const rows = [...doc.matchAll(/^\| (FL60\d) \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(Object.keys(CONFIG_CODES).sort());
  });
});

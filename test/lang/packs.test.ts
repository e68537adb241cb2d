import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FactlintError } from '../../src/errors.js';
import { loadPackFile } from '../../src/lang/compile.js';
import { defaultPacks, getPack } from '../../src/lang/packs.js';
import { lineOfPointer } from '../../src/schema.js';
import { RULES_DIR } from '../../src/paths.js';

const LANG_DIR = join(RULES_DIR, 'lang');
const packFiles = readdirSync(LANG_DIR).filter((f) => f.endsWith('.json')).sort();
const schema = JSON.parse(readFileSync(join(RULES_DIR, 'schema', 'lang.schema.json'), 'utf8')) as object;

describe('language packs', () => {
  it('ships en, vi, ru (full) and de, fr, es', () => {
    expect(defaultPacks().codes()).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'ru', 'vi']));
    expect(defaultPacks().codes()).not.toContain('und');
  });

  it.each(packFiles)('%s validates against lang.schema.json', (file) => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(JSON.parse(readFileSync(join(LANG_DIR, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(packFiles)('%s loads, and its date templates compile', (file) => {
    const pack = loadPackFile(join(LANG_DIR, file));
    expect(pack.code).toBe(file.replace(/\.json$/, ''));
    expect(pack.datePatterns.length).toBeGreaterThan(0);
  });

  it.each(['en', 'vi', 'ru'])('%s is a full pack', (code) => {
    const p = getPack(code);
    expect(Object.keys(p.numbers.words).length).toBeGreaterThan(10);
    expect(Object.keys(p.numbers.scales).length).toBeGreaterThan(3);
    expect(Object.keys(p.numbers.approximators).length).toBeGreaterThan(8);
    expect(p.speech.verbs.length).toBeGreaterThan(10);
    expect(p.speech.according.length).toBeGreaterThan(2);
    expect(Object.keys(p.events).length).toBeGreaterThan(10);
    expect(p.modality.future.length).toBeGreaterThan(0);
    expect(p.negators.length).toBeGreaterThan(3);
    expect(p.titles.length).toBeGreaterThan(10);
    expect(p.furniture.tailMarkers.length).toBeGreaterThan(0);
    expect(p.monthNames.size).toBeGreaterThanOrEqual(12);
    expect(p.weekdayNames.size).toBeGreaterThanOrEqual(7);
  });

  it('merges the pack it extends (ISO codes and signs come from und)', () => {
    const en = getPack('en');
    expect(en.currencies.signs.$).toBe('USD');
    expect(en.currencies.words.KZT).toBe('KZT');
    // Replaced, not merged: en lists the point first and a comma for "3,5 million" (und lists the point alone).
    expect(en.numbers.decimal).toEqual(['.', ',']);
    expect(getPack('vi').numbers.decimal).toEqual([',', '.']);
  });

  it('caches packs and falls back for regional and unknown codes', () => {
    expect(getPack('en')).toBe(getPack('en'));
    expect(getPack('en-GB').code).toBe('en');
    expect(getPack('pt-BR').code).toBe('und');
    expect(getPack('').code).toBe('und');
    expect(getPack('../../etc/passwd').code).toBe('und');
    const und = getPack('zz');
    expect(und.numbers.decimal).toEqual(['.']);
    expect(Object.keys(und.numbers.words)).toEqual([]);
  });

  it('lists in packs only month names ICU lacks', () => {
    const en = JSON.parse(readFileSync(join(LANG_DIR, 'en.json'), 'utf8')) as { dates: { months: Record<string, number> } };
    for (const name of ['January', 'March', 'September']) expect(en.dates.months[name]).toBeUndefined();
    const ru = JSON.parse(readFileSync(join(LANG_DIR, 'ru.json'), 'utf8')) as { dates: { months: Record<string, number> } };
    for (const name of ['марта', 'июля', 'март']) expect(ru.dates.months[name]).toBeUndefined();
  });
});

describe('broken packs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-lang-'));
  copyFileSync(join(LANG_DIR, 'und.json'), join(dir, 'und.json'));
  const write = (code: string, body: string): string => {
    const file = join(dir, `${code}.json`);
    writeFileSync(file, body);
    return file;
  };
  const fails = (file: string): FactlintError => {
    try {
      loadPackFile(file);
    } catch (e) {
      expect(e).toBeInstanceOf(FactlintError);
      return e as FactlintError;
    }
    throw new Error(`${file} loaded`);
  };
  const valid = JSON.parse(readFileSync(join(LANG_DIR, 'de.json'), 'utf8')) as Record<string, unknown> & {
    numbers: Record<string, unknown>;
    dates: Record<string, unknown>;
  };

  it('a wrong type names the file, the field and the line', () => {
    const bad = structuredClone(valid);
    bad.code = 'xa';
    bad.numbers.decimal = [';'];
    const file = write('xa', JSON.stringify(bad, null, 2));
    const e = fails(file);
    expect(e.code).toBe('FL301');
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/^numbers\.decimal(\.0)?: must be one of/);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[e.line! - 1]).toMatch(/"decimal"|";"/);
    expect(e.hint).toMatch(/lang\.schema\.json/);
    expect(e.format()).toContain(`${file}:${e.line}`);
  });

  it('a missing required field', () => {
    const bad = structuredClone(valid);
    bad.code = 'xb';
    delete (bad as Record<string, unknown>).dates;
    const e = fails(write('xb', JSON.stringify(bad, null, 2)));
    expect(e.code).toBe('FL301');
    expect(e.message).toMatch(/^\(root\): missing required field "dates"/);
  });

  it('an unknown field', () => {
    const bad = structuredClone(valid);
    bad.code = 'xc';
    bad.numbers.decimals = ['.'];
    const e = fails(write('xc', JSON.stringify(bad, null, 2)));
    expect(e.message).toMatch(/^numbers: unknown field "decimals"/);
  });

  it('a bad date template', () => {
    const bad = structuredClone(valid);
    bad.code = 'xd';
    bad.dates.patterns = ['{day} {month}', '{day} {mnth}'];
    const e = fails(write('xd', JSON.stringify(bad, null, 2)));
    expect(e.message).toMatch(/^dates\.patterns\.1: unknown placeholder \{mnth\}/);
  });

  it('a file name that does not match its code', () => {
    const e = fails(write('xe', JSON.stringify(valid, null, 2)));
    expect(e.message).toMatch(/^code: must be "xe"/);
  });

  it('a JSON syntax error gives the line', () => {
    const e = fails(write('xf', '{\n  "code": "xf",\n  "name": "X",,\n}'));
    expect(e.code).toBe('FL301');
    expect(e.line).toBe(3);
  });

  it('an unknown parent', () => {
    const bad = structuredClone(valid);
    bad.code = 'xg';
    bad.extends = 'zq';
    expect(fails(write('xg', JSON.stringify(bad, null, 2))).message).toMatch(/^extends: no language pack "zq"/);
  });

  it('an invalid furniture pattern', () => {
    const bad = structuredClone(valid);
    bad.code = 'xh';
    bad.furniture = { patterns: ['(unclosed'] };
    expect(fails(write('xh', JSON.stringify(bad, null, 2))).message).toMatch(/^furniture\.patterns\.0: not a valid regular expression/);
  });

  it('lineOfPointer finds nested members', () => {
    const text = '{\n  "a": 1,\n  "b": {\n    "c": [\n      "x",\n      "y"\n    ]\n  }\n}';
    expect(lineOfPointer(text, '/b')).toBe(3);
    expect(lineOfPointer(text, '/b/c')).toBe(4);
    expect(lineOfPointer(text, '/b/c/1')).toBe(6);
  });
});

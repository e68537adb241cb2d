import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import { AJV_OPTIONS, schemaHash, schemaValidator } from '../src/schema.js';
import { KINDS } from '../src/rules/registry.js';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const PRECOMPILED = resolve(ROOT, 'dist/validators.cjs');
const schemaFile = (f: string): object => JSON.parse(readFileSync(resolve(ROOT, 'rules/schema', f), 'utf8')) as object;
const json = (p: string): unknown => JSON.parse(readFileSync(resolve(ROOT, p), 'utf8'));

/** Documents each schema is tried on: real files of the project, and the same files broken in small ways. */
const samples: Record<string, unknown[]> = {
  'rule.schema.json': readdirSync(resolve(ROOT, 'rules/checks')).map((f) => json(`rules/checks/${f}`)),
  'lang.schema.json': readdirSync(resolve(ROOT, 'rules/lang')).filter((f) => f.endsWith('.json')).map((f) => json(`rules/lang/${f}`)),
  'baseline.schema.json': [json('factlint-baseline.json')],
  'config.schema.json': [{ rules: { 'number-conflict': 'warning' }, failOn: 'error', formats: ['json'] }, { failOn: 'sometimes' }, { rules: { 'no-such-rule': true } }],
  'manifest.schema.json': [{ sources: [{ file: 'a.txt', lang: 'en', story: 's' }] }, { sources: [{ lang: 'en' }] }],
};
const broken = (d: unknown): unknown[] => {
  if (typeof d !== 'object' || d === null) return [];
  const o = d as Record<string, unknown>;
  const keys = Object.keys(o);
  return [{ ...o, unexpectedField: 1 }, ...(keys[0] ? [Object.fromEntries(Object.entries(o).slice(1))] : []), ...(keys[0] ? [{ ...o, [keys[0]]: 42 }] : [])];
};

describe('precompiled schema validators (dist/validators.cjs, written by npm run build)', () => {
  it('exist and were built from the schemas as they are now (else run npm run build)', () => {
    expect(existsSync(PRECOMPILED)).toBe(true);
    const { hashes } = require(PRECOMPILED) as { hashes: Record<string, string> };
    for (const f of readdirSync(resolve(ROOT, 'rules/schema')).filter((n) => n.endsWith('.schema.json'))) expect(hashes[f], f).toBe(schemaHash(schemaFile(f)));
    for (const k of Object.keys(KINDS)) expect(hashes[`kind:${k}`], k).toBe(schemaHash(KINDS[k]!.paramsSchema));
  });

  it.each(Object.keys(samples).map((k) => [k]))('%s: the precompiled validator and one compiled now agree, errors included', (name) => {
    const { validators } = require(PRECOMPILED) as { validators: Record<string, ValidateFunction> };
    const pre = validators[name]!;
    const fresh = new Ajv(AJV_OPTIONS).compile(schemaFile(name));
    const docs = samples[name]!.flatMap((d) => [d, ...broken(d)]);
    let invalid = 0;
    for (const d of docs) {
      const ok = fresh(d);
      expect(pre(d)).toBe(ok);
      if (!ok) invalid++;
      expect((pre.errors ?? []).map((e) => [e.instancePath, e.keyword, e.message])).toEqual((fresh.errors ?? []).map((e) => [e.instancePath, e.keyword, e.message]));
    }
    // The samples do exercise failures, not only valid documents.
    expect(invalid).toBeGreaterThan(0);
  });

  it('a schema edited since the build is compiled at run time, never checked by the stale precompiled code', () => {
    const edited = { ...(schemaFile('manifest.schema.json') as Record<string, unknown>) };
    edited.required = [...((edited.required as string[] | undefined) ?? []), 'editedSinceBuild'];
    const doc = samples['manifest.schema.json']![0];
    const { validators } = require(PRECOMPILED) as { validators: Record<string, ValidateFunction> };
    expect(validators['manifest.schema.json']!(doc)).toBe(true);
    expect(schemaValidator('manifest.schema.json', edited)(doc)).toBe(false);
  });
});

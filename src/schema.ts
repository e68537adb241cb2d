import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv as AjvInstance } from 'ajv';
import { PACKAGE_ROOT, RULES_DIR } from './paths.js';

/**
 * The one JSON Schema validator of the project (ajv), for every file that has a published schema: rules, language
 * packs, manifests, config, baselines and reports.
 *
 * Compiling schemas costs start-up time on every run, so the build (scripts/bundle.mjs) compiles them ahead with
 * ajv's standalone code into dist/validators.cjs, each with a hash of the schema it came from. A validator is taken
 * from there when the schema's hash still matches (the schema file was not edited since the build), else compiled
 * here. Either way it is ajv's code for the same schema and options.
 *
 * The schemas are ours (rules/schema/, and the rule kinds' params): the meta test validates each against the JSON
 * Schema meta-schema, so ajv need not do it on every run (`validateSchema: false`), and generated code is not
 * optimised (`code.optimize: false`), which compiles about three times faster.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false, code: { optimize: false } } as const;

const require = createRequire(import.meta.url);

/** The hash that ties a precompiled validator to the schema text it was compiled from. */
export const schemaHash = (schema: object): string => createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);

interface Precompiled { validators: Record<string, ValidateFunction>; hashes: Record<string, string> }
let precompiled: Precompiled | null | undefined;
function loadPrecompiled(): Precompiled | null {
  if (precompiled === undefined) {
    try {
      precompiled = require(resolve(PACKAGE_ROOT, 'dist', 'validators.cjs')) as Precompiled;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

let ajv: AjvInstance | undefined;
const cache = new Map<string, ValidateFunction>();

/**
 * A validator for one of the published schemas in rules/schema/ (`name` is its file name), or for `schema` when
 * given (a schema that lives in code), made once and cached under `name`.
 */
export function schemaValidator(name: string, schema?: object): ValidateFunction {
  const cached = cache.get(name);
  if (cached) return cached;
  const s = schema ?? (JSON.parse(readFileSync(resolve(RULES_DIR, 'schema', name), 'utf8')) as object);
  const pre = loadPrecompiled();
  let validate: ValidateFunction | undefined = pre && pre.hashes[name] === schemaHash(s) ? pre.validators[name] : undefined;
  if (!validate) {
    // ajv is loaded only when a schema has to be compiled here.
    if (!ajv) {
      const { Ajv } = require('ajv') as { Ajv: new (opts: typeof AJV_OPTIONS) => AjvInstance };
      ajv = new Ajv(AJV_OPTIONS);
    }
    validate = ajv.compile(s);
  }
  cache.set(name, validate);
  return validate;
}

/** Turns an ajv error into "field: problem" with the JSON pointer as a dotted path. */
export function describeAjvError(e: ErrorObject): string {
  const path = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  if (e.keyword === 'additionalProperties') return `${path}: unknown field "${String((e.params as { additionalProperty: string }).additionalProperty)}"`;
  if (e.keyword === 'required') return `${path}: missing field "${String((e.params as { missingProperty: string }).missingProperty)}"`;
  if (e.keyword === 'enum') return `${path}: must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return `${path}: ${e.message ?? 'is invalid'}`;
}

/** Line of a JSON text where a JSON.parse error happened, from its "position N" message. */
export function jsonErrorLine(text: string, err: unknown): number | undefined {
  const m = /position (\d+)/.exec(String((err as Error).message));
  if (!m) return undefined;
  return text.slice(0, Number(m[1])).split('\n').length;
}

// Where a field is in a JSON text, for messages with a line (config, language packs).

/**
 * Offsets of every key and value in a JSON text that JSON.parse accepted, by JSON pointer ("/rules/date-conflict").
 * `key` is the offset of the key's opening quote (for object members), `value` the first character of the value.
 */
export function jsonOffsets(text: string): Map<string, { key?: number; value: number }> {
  const out = new Map<string, { key?: number; value: number }>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, key?: number): void => {
    ws();
    out.set(pointer, key === undefined ? { value: i } : { key, value: i });
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      let n = 0;
      while (i < text.length && text[i] !== close) {
        if (c === '{') {
          const k = i;
          const name = str();
          ws();
          i++; // ':'
          value(`${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, k);
        } else value(`${pointer}/${n++}`);
        ws();
        if (text[i] === ',') { i++; ws(); }
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++;
  };
  value('');
  return out;
}

/** The 1-based line of an offset in a text. */
export const lineAt = (text: string, offset: number | undefined): number | undefined =>
  offset === undefined ? undefined : text.slice(0, offset).split('\n').length;

/** The 1-based line where the value at a JSON pointer starts (the member's key for object members); for a pointer
 * that goes deeper than the text, the line of the deepest part that is there. The text must be valid JSON. */
export function lineOfPointer(text: string, pointer: string): number | undefined {
  const offsets = jsonOffsets(text);
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const o = offsets.get(p);
    if (o) return lineAt(text, o.key ?? o.value);
    if (p === '') return 1;
  }
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { RULES_DIR } from './paths.js';

/**
 * The one JSON Schema validator of the project (ajv), for every file that has a published schema: rules, language
 * packs, manifests, config, baselines and reports.
 *
 * The schemas are ours (rules/schema/, and the rule kinds' params): the meta test validates each against the JSON
 * Schema meta-schema, so ajv need not do it again on every run (`validateSchema: false`), and the generated code is
 * not optimised (`code.optimize: false`). Together these cut compiling the schemas a check needs from ~110 ms to
 * ~35 ms of a cold start; validation itself is as strict as before.
 */
const Ajv = AjvModule as unknown as typeof AjvModule.default;

let ajv: InstanceType<typeof Ajv> | undefined;

/**
 * A validator for one of the published schemas in rules/schema/ (`name` is its file name), or for `schema` when
 * given (a schema that lives in code), compiled once and cached under `name`.
 */
export function schemaValidator(name: string, schema?: object): ValidateFunction {
  ajv ??= new Ajv({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } });
  const cached = ajv.getSchema(name);
  if (cached) return cached;
  ajv.addSchema(schema ?? (JSON.parse(readFileSync(resolve(RULES_DIR, 'schema', name), 'utf8')) as object), name);
  return ajv.getSchema(name)!;
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

import { readFileSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import levenshtein from 'fast-levenshtein';
import { errorsOf, type CodeInfo } from './errors.js';
import type { Severity } from './model/finding.js';
import type { Format } from './output.js';
import { DEFAULT_MAX_FILE_SIZE, readInputFile } from './pipeline/load.js';
import { RULES_DIR } from './paths.js';
import type { RuleOverrides } from './rules/load.js';
import { describeAjvError, jsonErrorLine, jsonOffsets, lineAt, schemaValidator } from './schema.js';
import { isLanguageCode } from './bitext/lang.js';
import { compileLinePattern, PatternError, type LinePattern } from './lang/user-pattern.js';

/** The baseline file `factlint baseline` writes when neither -o nor the config's "baseline" names one. */
export const DEFAULT_BASELINE = 'factlint-baseline.json';

/** The file `loadConfig` looks for in the working directory. */
export const CONFIG_FILE = 'factlint.config.json';

/** Where the schema is for a project that installed factlint (the usual "$schema" of `factlint init`). */
export const CONFIG_SCHEMA_REF = './node_modules/factlint/rules/schema/config.schema.json';

/**
 * The "$schema" `factlint init` writes in `cwd`: the path from there to the schema of the factlint that runs, so it
 * resolves wherever that is (`./node_modules/factlint/…` in a project that installed it, `./rules/…` in this
 * repository); an absolute path when they share no folder.
 */
export function configSchemaRef(cwd = process.cwd()): string {
  const rel = toSlash(relative(cwd, resolve(RULES_DIR, 'schema', 'config.schema.json')));
  if (isAbsolute(rel)) return rel;
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The settings of factlint.config.json (rules/schema/config.schema.json), with defaults filled in. */
export interface Config {
  /** Rule id → true (on), false or "off" (off), or a severity (on, with that severity). */
  rules: RuleOverrides;
  /** Extra rule folders: absolute paths (written relative to the config file). */
  ruleDirs: string[];
  /**
   * Language hints: pattern → ISO 639-1 code. Patterns without "/" match base names anywhere and are kept as
   * written; the others are made absolute (against the config file's folder). Use `languageFor` to look one up.
   */
  languages: Record<string, string>;
  /** Extra page-furniture patterns (regular expressions, compiled with the u flag). */
  furniture: string[];
  failOn: Severity | 'none';
  formats: Format[];
  /** Absolute path (written relative to the config file). */
  outputDir?: string;
  maxFileSize: number;
  /** Absolute path (written relative to the config file). */
  baseline?: string;
}

/** A fresh copy of the defaults: what runs without a config file. */
export const defaultConfig = (): Config => ({
  rules: {},
  ruleDirs: [],
  languages: {},
  furniture: [],
  failOn: 'error',
  formats: ['text'],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

/** Codes of the config loader. docs/workflow.md has one row per code; a test checks it. */
export const CONFIG_CODES = {
  FL601: { kind: 'fatal', meaning: 'the config file is not valid JSON; the message gives the line', action: 'fix the JSON syntax at that line (a missing comma or quote, a trailing comma, a comment: JSON has none, use a "//" key)' },
  FL602: { kind: 'fatal', meaning: 'a config field is unknown or has a value of the wrong type or range; the message names the field', action: 'fix or remove the field; rules/schema/config.schema.json lists the fields (editors complete them when "$schema" is set)' },
  FL603: { kind: 'fatal', meaning: 'a "furniture" pattern is not a valid regular expression', action: 'fix the pattern (JavaScript syntax, u flag); inside a JSON string every backslash is written twice: "\\\\d" for \\d' },
  FL604: { kind: 'fatal', meaning: 'a "languages" value is not an ISO 639-1 language code', action: 'use a two-letter code such as "en", "vi" or "ru"' },
  FL606: { kind: 'fatal', meaning: 'a "furniture" pattern is refused: it needs a backtracking engine (a lookahead, lookbehind or backreference), and user patterns run with a linear-time engine (RE2) so that no pattern can hang a run', action: 'write the pattern without lookarounds or backreferences (match the whole line instead: ^…$); nested quantifiers such as ^(a+)+$ are fine, they run in linear time' },
} as const satisfies Record<string, CodeInfo>;

export type ConfigCode = keyof typeof CONFIG_CODES;

const configError = errorsOf(CONFIG_CODES);

export { schemaValidator };

// ---------------------------------------------------------------------------------------------------------------
// Where a field is in a JSON text, for messages with a line.

type Segment = string | number;

/** Thrown inside `jsonErrorOffset` to stop at the first error. */
class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/**
 * Where a JSON text stops being valid JSON (the offset of the first bad character, or the end). For the messages
 * of JSON.parse that give no position (Node 20: "Unexpected token ',', …"), which `jsonErrorLine` cannot place.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const ws = (): void => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const str = (): void => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') { i++; return; }
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else { i++; fail(); }
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          str();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return; }
        fail();
      }
    } else if (c === '"') str();
    else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!text.startsWith(word, i)) fail();
      i += word.length;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail();
      i = NUMBER.lastIndex;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxAt) return e.offset;
    return undefined; // nested too deep to scan
  }
}

/** A JSON.parse error message on one line, without V8's quote of the text ("…" is not valid JSON) or offset. */
export const jsonProblem = (err: unknown): string =>
  String((err as Error).message)
    .replace(/, (?:"|\.\.\.)[\s\S]*is not valid JSON$/, '')
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, '')
    .replace(/\s+/g, ' ');

/** The line of a JSON.parse error: from its message when it gives a position, else by scanning the text. */
export const jsonSyntaxErrorLine = (text: string, err: unknown): number | undefined =>
  jsonErrorLine(text, err) ?? lineAt(text, jsonErrorOffset(text));

/** A field path for people: `rules.date-conflict`, `furniture[2]`, `languages["articles/vi/**"]`. */
export function fieldPath(segments: readonly Segment[]): string {
  let s = '';
  for (const seg of segments) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s === '' ? '(top level)' : s;
}

const segmentsOf = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

export interface SchemaProblem {
  /** "field path: problem" */
  message: string;
  line?: number;
  /** For an unknown top-level field: the known field it was probably meant to be. */
  didYouMean?: string;
}

/**
 * ajv errors as "field path: problem", each with the line of the field in `text`. Errors about the same thing
 * are reported once (ajv reports a bad property name twice).
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], text: string, known: readonly string[] = []): SchemaProblem[] {
  const offsets = jsonOffsets(text);
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'propertyNames' || e.keyword === 'if') continue;
    const segs = segmentsOf(e.instancePath);
    let message: string;
    let at: number | undefined;
    let didYouMean: string | undefined;
    if (e.propertyName !== undefined) {
      const pointer = `${e.instancePath}/${e.propertyName.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      at = offsets.get(pointer)?.key;
      message = `${fieldPath(segs)}: key ${JSON.stringify(e.propertyName)} ${e.message ?? 'is invalid'}`;
    } else if (e.keyword === 'additionalProperties') {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const pointer = `${e.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      at = offsets.get(pointer)?.key;
      message = `${fieldPath([...segs, name])}: unknown field`;
      if (e.instancePath === '') didYouMean = closest(name, known);
    } else {
      at = offsets.get(e.instancePath)?.value;
      // describeAjvError words the problem; the path is ours (it keeps "/" and "." in keys readable).
      message = `${fieldPath(segs)}: ${describeAjvError({ ...e, instancePath: '' }).replace(/^\(top level\): /, '')}`;
    }
    if (out.some((p) => p.message === message)) continue;
    const line = lineAt(text, at);
    out.push({ message, ...(line !== undefined ? { line } : {}), ...(didYouMean !== undefined ? { didYouMean } : {}) });
  }
  return out;
}

/** The known name a misspelt one was probably meant to be: same letters ignoring case, or at most 2 edits away. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : levenshtein.get(k, name);
    if (d < bestD) { best = k; bestD = d; }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading.

const toSlash = (p: string): string => p.split(sep).join('/');

/**
 * Validates the text of a config file and resolves its paths against `dir` (the file's folder). `file` is how
 * messages name it. Throws FL601–FL604.
 */
export function parseConfig(text: string, file: string, dir: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw configError('FL601', `not valid JSON: ${jsonProblem(e)}`, file, jsonSyntaxErrorLine(text, e));
  }
  const validate = schemaValidator('config.schema.json');
  if (!validate(data)) {
    const known = Object.keys(defaultConfig()).concat('outputDir', 'baseline', '$schema');
    const problems = describeSchemaErrors(validate.errors ?? [], text, known);
    const first = problems[0];
    const hint = first?.didYouMean !== undefined ? `did you mean "${first.didYouMean}"?` : undefined;
    throw configError('FL602', problems.map((p) => p.message).join('; '), file, first?.line, hint);
  }
  const raw = data as Partial<Config> & Record<string, unknown>;
  const offsets = jsonOffsets(text);
  const lineOf = (pointer: string): number | undefined => lineAt(text, offsets.get(pointer)?.value);

  (raw.furniture ?? []).forEach((p, i) => {
    try {
      compileLinePattern(p);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      const field = fieldPath(['furniture', i]);
      if (e.kind === 'syntax') throw configError('FL603', `${field}: not a valid regular expression (${e.message})`, file, lineOf(`/furniture/${i}`));
      throw configError('FL606', `${field}: refused, ${e.message}`, file, lineOf(`/furniture/${i}`));
    }
  });
  for (const [pattern, code] of Object.entries(raw.languages ?? {})) {
    if (!isLanguageCode(code)) {
      throw configError('FL604', `${fieldPath(['languages', pattern])}: "${code}" is not an ISO 639-1 language code`, file, lineOf(`/languages/${pattern.replace(/~/g, '~0').replace(/\//g, '~1')}`));
    }
  }

  const config = defaultConfig();
  if (raw.rules) config.rules = { ...raw.rules };
  if (raw.ruleDirs) config.ruleDirs = raw.ruleDirs.map((d) => resolve(dir, d));
  if (raw.languages) {
    config.languages = Object.fromEntries(Object.entries(raw.languages).map(([p, code]) => [p.includes('/') ? toSlash(resolve(dir, p)) : p, code]));
  }
  if (raw.furniture) config.furniture = [...raw.furniture];
  if (raw.failOn) config.failOn = raw.failOn;
  if (raw.formats) config.formats = [...raw.formats];
  if (raw.outputDir !== undefined) config.outputDir = resolve(dir, raw.outputDir);
  if (raw.maxFileSize !== undefined) config.maxFileSize = raw.maxFileSize;
  if (raw.baseline !== undefined) config.baseline = resolve(dir, raw.baseline);
  return config;
}

/**
 * Loads factlint.config.json: the file named by `path` (relative to `cwd`), else `factlint.config.json` in `cwd`
 * if there is one, else the defaults (and no `file`). `file` is the config file as messages name it (relative to
 * `cwd`). Paths in the config are resolved against the config file's folder. A named file that cannot be read
 * has the loader's codes (FL100 missing, FL116 a folder, FL103 empty…); a bad config is FL601–FL604.
 */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<{ config: Config; file?: string }> {
  const target = path ?? CONFIG_FILE;
  const abs = resolve(cwd, target);
  if (path === undefined) {
    const exists = await lstat(abs).then(() => true, () => false);
    if (!exists) return { config: defaultConfig() };
  }
  const input = await readInputFile(target, 'config file', { cwd });
  return { config: parseConfig(input.text, input.id, resolve(abs, '..')), file: input.id };
}

// ---------------------------------------------------------------------------------------------------------------
// Language hints.

const globs = new Map<string, LinePattern>();
const globPattern = (glob: string): LinePattern => {
  let p = globs.get(glob);
  if (!p) globs.set(glob, (p = globToPattern(glob)));
  return p;
};

/**
 * A glob as a pattern: `**` any folders, `*` and `?` within one name, `{a,b}` alternatives. Run in linear time
 * (compileLinePattern): as a backtracking regular expression, `*a*a*a*b` took time exponential in its stars.
 */
function globToPattern(glob: string): LinePattern {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{' && glob.indexOf('}', i) > i) {
      const end = glob.indexOf('}', i);
      re += `(?:${glob.slice(i + 1, end).split(',').map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  // A path without wildcards also matches everything under it (a folder).
  return compileLinePattern(`^${re}${/[*?{]/.test(glob) ? '' : '(?:/.*)?'}$`);
}

/**
 * The language hint for a file: the code of the last `languages` pattern that matches it. `path` is resolved
 * against `cwd`; patterns without "/" are matched against its base name.
 */
export function languageFor(languages: Record<string, string>, path: string, cwd = process.cwd()): string | undefined {
  const abs = toSlash(resolve(cwd, path));
  const name = basename(abs);
  let found: string | undefined;
  for (const [pattern, code] of Object.entries(languages)) {
    if (globPattern(pattern).test(pattern.includes('/') ? abs : name)) found = code;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// factlint init.

/**
 * The starter factlint.config.json that `factlint init` writes: every setting at its default, each after a
 * "// <name>" key holding its description from the schema (JSON has no comments; the loader ignores "//" keys).
 * Settings without a default (outputDir, baseline) appear as a comment only, with an example.
 */
export function initConfig(cwd = process.cwd()): string {
  const schema = JSON.parse(readFileSync(resolve(RULES_DIR, 'schema', 'config.schema.json'), 'utf8')) as {
    properties: Record<string, { description?: string }>;
  };
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  const examples: Record<string, string> = { outputDir: 'reports', baseline: DEFAULT_BASELINE };
  const lines: string[] = [`  "$schema": ${JSON.stringify(configSchemaRef(cwd))}`];
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (key === '$schema') continue;
    const example = examples[key];
    const description = `${prop.description ?? ''}${example !== undefined ? ` Example: "${key}": "${example}"` : ''}`;
    lines.push(`  ${JSON.stringify(`// ${key}`)}: ${JSON.stringify(description)}`);
    if (key in defaults) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(defaults[key])}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FactlintError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import { lineOfPointer, schemaValidator } from '../schema.js';
import { icuMonthNames, icuShortMonthForms, icuWeekdayNames } from './intl.js';
import type { LangPack } from './pack.js';

/**
 * Loading language packs: read rules/lang/<code>.json, validate it against rules/schema/lang.schema.json, merge the
 * pack it extends, add ICU's month and weekday names, and compile the date templates once. Extractors compile their
 * own regular expressions from a LoadedPack once per pack (see pipeline/extract/numparse.ts), never per call.
 */

/** Roles a date-template placeholder can play; each placeholder is one capture group. */
export const DATE_ROLES = [
  'day', 'month', 'mm', 'year', 'weekday', 'quarter', 'daypart', 'last', 'next', 'this', 'yearword', 'monthword',
] as const;
export type DateRole = (typeof DATE_ROLES)[number];

export interface CompiledDatePattern {
  template: string;
  re: RegExp;
  /** roles[i] is the role of capture group i + 1. */
  roles: DateRole[];
  /** The template starts with "?": valid only after one of the pack's date prepositions. */
  needsContext: boolean;
  /** Placeholders outside optional and alternative groups: a sentence without them cannot match. */
  required: DateRole[];
  /**
   * The template as a tree, for matchers that do not run `re` (pipeline/extract/dates.ts): `re` is
   * (?<!word char)(?:nodes)(?![\p{L}\p{M}_]|\d) with the `flags` of the pack.
   */
  nodes?: DateNode[];
}

/**
 * One element of a compiled date template. `lit`: literal characters (`text`), as an expression source without
 * quantifiers or alternatives (escaped characters and ['’]); `space`: a run of spaces (SPACE+); `slot`: a
 * placeholder, capture group `group` (1-based); `opt`: "[…]", greedy; `alt`: "(a|b)", in order.
 */
export type DateNode =
  | { kind: 'lit'; source: string; text: string }
  | { kind: 'space' }
  | { kind: 'slot'; role: DateRole; group: number }
  | { kind: 'opt'; body: DateNode[] }
  | { kind: 'alt'; branches: DateNode[][] };

/**
 * What a placeholder matches, both as expression parts (before + alternationOf(terms) + after, the source inside its
 * capture group) and as data for a matcher: `digits` for numbers, (?<!\d)\d{min,max}(?:suffix|…)?(?!\d), or `terms`
 * for names (alternationOf: longest first, word boundaries), then, with `notBeforeHyphenLetter`, (?!-\p{L}).
 */
export interface DatePlaceholder {
  before: string;
  terms?: string[];
  after: string;
  digits?: { min: number; max: number; suffixes: string[] };
  notBeforeHyphenLetter?: boolean;
}

export interface LoadedPack extends LangPack {
  /** The file it was loaded from. */
  file: string;
  /** Month names and abbreviations (lower case) from ICU and the pack -> 1..12. */
  monthNames: Map<string, number>;
  /** Weekday names (lower case) from ICU and the pack -> 0..6. */
  weekdayNames: Map<string, number>;
  /** Flags for the pack's name-matching expressions: "gu", plus "i" unless dates.caseSensitive. */
  nameFlags: string;
  /** The surface forms of month and weekday names as they must be matched (original case when case-sensitive). */
  monthForms: string[];
  weekdayForms: string[];
  datePatterns: CompiledDatePattern[];
  /** Matches a preposition (or last/next/this word) that ends a string: group 1 is the word. Apply to the text before a date. */
  dateContextRe: RegExp;
  /** What each placeholder of the date templates stands for (the expressions in datePatterns[i].re). */
  datePlaceholders?: Record<DateRole, DatePlaceholder>;
}

// ---------------------------------------------------------------- regex helpers shared with the extractors

/** Letters, marks, digits, underscore: what a word is made of in every script we handle. */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
const NOT_AFTER_WORD = `(?<!${WORD_CHAR})`;
const NOT_BEFORE_WORD = `(?!${WORD_CHAR})`;
/** Any run of spaces, including the non-breaking and narrow no-break spaces used as thousands separators. */
export const SPACE = '[\\s\\u00a0\\u202f\\u2009]';

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Whether a character (one UTF-16 unit, as alternation() looks at a term's ends) is a word character. */
export const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(c);

/** One term as a regex source: spaces match any whitespace, apostrophes match straight and curly ones. */
export function termSource(term: string): string {
  return term
    .split(/\s+/)
    .map((w) => escapeRe(w).replace(/['’]/g, "['’]"))
    .join(`${SPACE}+`);
}

/**
 * An alternation of terms, longest first, each with word boundaries on the sides that are word characters.
 * With `caseVariants`, lower-case terms also match with a capital first letter (for case-sensitive packs, where the
 * expression has no "i" flag but "In the first quarter" starts a sentence). Without `leadingBoundary`, a term may
 * follow a word character directly (a suffix: "640M", "1st", "50.000đ").
 */
export function alternation(terms: Iterable<string>, caseVariants = false, leadingBoundary = true): string {
  return alternationOf(sortedTerms(terms, caseVariants), leadingBoundary);
}

/** The terms of an alternation in the order it tries them: trimmed, deduplicated, case variants added, longest first. */
export function sortedTerms(terms: Iterable<string>, caseVariants = false): string[] {
  const set = new Set<string>();
  for (const t of terms) {
    const term = t.trim();
    if (!term) continue;
    set.add(term);
    if (caseVariants) {
      const first = term[0]!;
      if (first !== first.toUpperCase()) set.add(first.toUpperCase() + term.slice(1));
    }
  }
  return [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** The alternation of terms already in order (sortedTerms): what alternation() builds. */
export function alternationOf(sorted: readonly string[], leadingBoundary = true): string {
  if (sorted.length === 0) return '(?!)';
  // One lookbehind per group, not per term: V8 would otherwise run it for every term at every position. Terms that
  // start with a word character and terms that do not can never match at the same place, so the split keeps
  // longest-first order where it matters.
  const term = (t: string): string => `${termSource(t)}${isWordChar(t[t.length - 1]) ? NOT_BEFORE_WORD : ''}`;
  const wordStart = sorted.filter((t) => isWordChar(t[0])).map(term);
  const other = sorted.filter((t) => !isWordChar(t[0])).map(term);
  const parts: string[] = [];
  if (wordStart.length) parts.push(`${leadingBoundary ? NOT_AFTER_WORD : ''}(?:${wordStart.join('|')})`);
  if (other.length) parts.push(`(?:${other.join('|')})`);
  return parts.join('|');
}

const WORDS = /[\p{L}\p{M}\p{N}]+/gu;

/** The lower-case first word of a term ("a dozen" -> "a", "первом квартале" -> "первом"), or '' if it starts with a sign. */
export function firstWord(term: string): string {
  const m = /^[\p{L}\p{M}\p{N}]+/u.exec(term.trim());
  return m ? m[0].toLowerCase() : '';
}

/** Lower-case words of a text with their offsets: a cheap pass that tells which expensive expressions can match. */
export function* words(text: string): Generator<{ word: string; index: number }> {
  for (const m of text.matchAll(WORDS)) yield { word: m[0].toLowerCase(), index: m.index };
}

/** Normalises a term for lookup: lower case, curly apostrophes straightened, runs of whitespace as one space. */
export const lookupKey = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();

/**
 * A key under which two strings that a case-insensitive Unicode expression (flags "iu") takes as equal are equal:
 * lower case of the upper case of the lower case, so that "ſ"/"s", "ς"/"σ", "ẞ"/"ß", "K" (Kelvin)/"k" meet. It may also
 * join strings the expression tells apart ("ß"/"ss"), which is harmless where it only preselects candidates.
 */
export function caseKey(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.toLowerCase().toUpperCase().toLowerCase();
}

/** The source of a date placeholder (inside its capture group). */
export function placeholderSource(ph: DatePlaceholder): string {
  return ph.before + (ph.terms ? alternationOf(ph.terms) : '') + ph.after;
}

/** A Map from lookupKey(term) to value. */
export function lookupMap<V>(rec: Record<string, V>): Map<string, V> {
  const m = new Map<string, V>();
  for (const [k, v] of Object.entries(rec)) {
    const key = lookupKey(k);
    if (!m.has(key)) m.set(key, v);
  }
  return m;
}

// ---------------------------------------------------------------- validation

const getValidator = (): ValidateFunction => schemaValidator('lang.schema.json');

const HINT = 'see rules/schema/lang.schema.json and rules/lang/README.md for what a language pack may contain';


const fieldPath = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.') || '(root)';

function describe(e: ErrorObject): { pointer: string; message: string } {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return { pointer: e.instancePath, message: `missing required field "${String(p.missingProperty)}"` };
  if (e.keyword === 'additionalProperties')
    return { pointer: e.instancePath, message: `unknown field "${String(p.additionalProperty)}"` };
  if (e.keyword === 'enum') return { pointer: e.instancePath, message: `must be one of ${JSON.stringify(p.allowedValues)}` };
  return { pointer: e.instancePath, message: e.message ?? 'is invalid' };
}

function packError(file: string, text: string | undefined, pointer: string, message: string): FactlintError {
  const line = text !== undefined && pointer ? lineOfPointer(text, pointer) : undefined;
  return new FactlintError('FL301', `${fieldPath(pointer)}: ${message}`, file, line, HINT);
}

// ---------------------------------------------------------------- merging

type Json = unknown;
/** Fields a child pack replaces rather than merges into its parent's. */
const REPLACED = new Set(['code', 'name', 'extends', 'numbers.decimal', 'numbers.thousands']);

function merge(parent: Json, child: Json, path: string): Json {
  if (REPLACED.has(path)) return child;
  if (Array.isArray(parent) && Array.isArray(child)) return [...new Set([...child, ...parent])];
  if (isObject(parent) && isObject(child)) {
    const out: Record<string, Json> = { ...parent };
    for (const [k, v] of Object.entries(child)) out[k] = k in parent ? merge(parent[k], v, path ? `${path}.${k}` : k) : v;
    return out;
  }
  return child;
}
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fills the sections a pack file may leave out, so a LoadedPack always has every field of LangPack. */
function withDefaults(raw: Record<string, Json>): LangPack {
  const r = raw as Partial<LangPack> & { numbers: Partial<LangPack['numbers']>; dates: Partial<LangPack['dates']> };
  const n = r.numbers;
  const d = r.dates;
  return {
    code: r.code ?? 'und',
    name: r.name ?? r.code ?? 'und',
    ...(r.extends !== undefined ? { extends: r.extends } : {}),
    numbers: {
      ...n,
      decimal: n.decimal ?? ['.'],
      thousands: n.thousands ?? [],
      words: n.words ?? {},
      scales: n.scales ?? {},
      fractions: n.fractions ?? {},
      percent: n.percent ?? [],
      approximators: n.approximators ?? {},
      rangeWords: n.rangeWords ?? [],
    },
    currencies: { signs: r.currencies?.signs ?? {}, words: r.currencies?.words ?? {}, assumed: r.currencies?.assumed ?? [] },
    units: r.units ?? {},
    durations: r.durations ?? {},
    dates: {
      ...d,
      months: d.months ?? {},
      weekdays: d.weekdays ?? {},
      order: d.order ?? 'dmy',
      last: d.last ?? [],
      next: d.next ?? [],
      this: d.this ?? [],
      relativeDays: d.relativeDays ?? {},
      relativePeriods: d.relativePeriods ?? {},
      quarters: d.quarters ?? {},
      yearWords: d.yearWords ?? [],
      monthWords: d.monthWords ?? [],
      patterns: d.patterns ?? [],
      prepositions: d.prepositions ?? [],
      deadlinePrepositions: d.deadlinePrepositions ?? [],
    },
    speech: { verbs: r.speech?.verbs ?? [], according: r.speech?.according ?? [], anonymous: r.speech?.anonymous ?? [], pronouns: r.speech?.pronouns ?? [] },
    events: r.events ?? {},
    modality: {
      possible: r.modality?.possible ?? [], expected: r.modality?.expected ?? [], future: r.modality?.future ?? [], impossible: r.modality?.impossible ?? [], ability: r.modality?.ability ?? [],
      purpose: r.modality?.purpose ?? [], notModal: r.modality?.notModal ?? [], reportedFuture: r.modality?.reportedFuture ?? [],
      ...(r.modality?.perfectiveFuture ? { perfectiveFuture: r.modality.perfectiveFuture } : {}),
    },
    adaptsForeignNames: r.adaptsForeignNames ?? false,
    capitalisesNouns: r.capitalisesNouns ?? false,
    ...(r.dictionary ? { dictionary: r.dictionary } : {}),
    ...(r.misspellings ? { misspellings: r.misspellings } : {}),
    nameRespellings: r.nameRespellings ?? [],
    ...(r.alphabet ? { alphabet: r.alphabet } : {}),
    negators: r.negators ?? [],
    negationConcord: r.negationConcord ?? [],
    negativeIndefinites: r.negativeIndefinites ?? [],
    lexicalNegators: r.lexicalNegators ?? [],
    ...(r.negativePrefixes ? { negativePrefixes: r.negativePrefixes } : {}),
    ...(r.negationScope ? { negationScope: r.negationScope } : {}),
    ...(r.lexicon ? { lexicon: r.lexicon } : {}),
    ...(r.antonyms ? { antonyms: r.antonyms } : {}),
    notNegations: r.notNegations ?? [],
    titles: r.titles ?? [],
    titleRoles: r.titleRoles ?? {},
    stopwords: r.stopwords ?? [],
    functionWords: r.functionWords ?? [],
    auxiliaries: r.auxiliaries ?? [],
    wordPrefixes: r.wordPrefixes ?? [],
    nounSuffixes: r.nounSuffixes ?? [],
    nameConnectors: r.nameConnectors ?? [],
    notInInitials: r.notInInitials ?? [],
    determiners: r.determiners ?? [],
    possessiveEndings: r.possessiveEndings ?? [],
    abbreviations: r.abbreviations ?? [],
    ...(r.script !== undefined ? { script: r.script } : {}),
    nameEndings: r.nameEndings ?? [],
    furniture: {
      lines: r.furniture?.lines ?? [],
      patterns: r.furniture?.patterns ?? [],
      tailMarkers: r.furniture?.tailMarkers ?? [],
      blockMarkers: r.furniture?.blockMarkers ?? [],
      bylines: r.furniture?.bylines ?? [],
      contacts: r.furniture?.contacts ?? [],
      bios: r.furniture?.bios ?? [],
      bylineCues: r.furniture?.bylineCues ?? [],
    },
  };
}

// ---------------------------------------------------------------- date templates

/** Compiles one date template (syntax in pack.ts, `dates.patterns`). Throws Error with a message on a bad template. */
export function compileDateTemplate(
  template: string,
  placeholders: Record<DateRole, string>,
  flags: string,
): CompiledDatePattern {
  const roles: DateRole[] = [];
  const required: DateRole[] = [];
  let src = '';
  /** The same expression with each placeholder as (x): checked at load, where the full one is built later. */
  let shape = '';
  // The tree: `stack` holds the node lists being filled, innermost last; an alternative group's branches are
  // closed at "|" and ")".
  const root: DateNode[] = [];
  const stack: { nodes: DateNode[]; group?: { kind: 'opt' | 'alt'; branches: DateNode[][] } }[] = [{ nodes: root }];
  const add = (n: DateNode): void => {
    const cur = stack[stack.length - 1]!.nodes;
    const last = cur[cur.length - 1];
    if (n.kind === 'lit' && last?.kind === 'lit') {
      last.source += n.source;
      last.text += n.text;
    } else cur.push(n);
  };
  let i = 0;
  let needsContext = false;
  let depth = 0;
  const open: string[] = [];
  if (template.startsWith('?')) {
    needsContext = true;
    i = 1;
  }
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new Error(`unclosed "{" in "${template}"`);
      const name = template.slice(i + 1, end);
      if (!(DATE_ROLES as readonly string[]).includes(name)) throw new Error(`unknown placeholder {${name}} in "${template}"`);
      roles.push(name as DateRole);
      if (depth === 0) required.push(name as DateRole);
      src += `(${placeholders[name as DateRole]})`;
      shape += '(x)';
      add({ kind: 'slot', role: name as DateRole, group: roles.length });
      i = end + 1;
      continue;
    }
    if (c === '[' || c === '(') {
      open.push(c === '[' ? ']' : ')');
      depth++;
      src += '(?:';
      shape += '(?:';
      stack.push({ nodes: [], group: { kind: c === '[' ? 'opt' : 'alt', branches: [] } });
    } else if (c === ']' || c === ')') {
      if (open.pop() !== c) throw new Error(`unbalanced "${c}" in "${template}"`);
      depth--;
      src += c === ']' ? ')?' : ')';
      shape += c === ']' ? ')?' : ')';
      const { nodes, group } = stack.pop()!;
      group!.branches.push(nodes);
      // "[a|b]" is an optional group of alternatives.
      const body: DateNode[] = group!.branches.length === 1 ? group!.branches[0]! : [{ kind: 'alt', branches: group!.branches }];
      if (c === ']') add({ kind: 'opt', body });
      else if (group!.branches.length === 1) for (const n of body) stack[stack.length - 1]!.nodes.push(n);
      else add(body[0]!);
    } else if (c === '|') {
      if (depth === 0) throw new Error(`"|" outside a group in "${template}"`);
      src += '|';
      shape += '|';
      const top = stack[stack.length - 1]!;
      top.group!.branches.push(top.nodes);
      top.nodes = [];
    } else if (c === ' ') {
      src += `${SPACE}+`;
      shape += `${SPACE}+`;
      add({ kind: 'space' });
    } else if (c === "'" || c === '’') {
      src += "['’]";
      shape += "['’]";
      add({ kind: 'lit', source: "['’]", text: c });
    } else {
      src += escapeRe(c);
      shape += escapeRe(c);
      add({ kind: 'lit', source: escapeRe(c), text: c });
    }
    i++;
  }
  if (open.length) throw new Error(`unclosed "${open.includes(']') ? '[' : '('}" in "${template}"`);
  if (roles.length === 0) throw new Error(`no placeholder in "${template}"`);
  const source = `${NOT_AFTER_WORD}(?:${src})(?![\\p{L}\\p{M}_]|\\d)`;
  try {
    new RegExp(shape, flags);
  } catch (e) {
    throw new Error(`not a valid pattern: "${template}" (${(e as Error).message})`);
  }
  const pattern = { template, roles, needsContext, required, nodes: root } as CompiledDatePattern;
  // Compiled on first use: an expression with every name of the language is slow to build (V8 builds each
  // \p{…} class in it, one per name), and the extractor does not need it.
  lazy(pattern, 're', () => new RegExp(source, flags));
  return pattern;
}

/** Defines `obj[key]` as computed on first read, then kept (a plain, writable property from then on). */
export function lazy<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get(this: T) {
      const value = make();
      Object.defineProperty(this, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(this: T, value: T[K]) {
      Object.defineProperty(this, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

function buildNames(pack: LangPack): Pick<LoadedPack, 'monthNames' | 'weekdayNames' | 'monthForms' | 'weekdayForms'> {
  const monthNames = new Map<string, number>();
  const weekdayNames = new Map<string, number>();
  const monthForms = new Set<string>();
  const weekdayForms = new Set<string>();
  const addMonth = (form: string, m: number): void => {
    monthForms.add(form);
    if (!monthNames.has(lookupKey(form))) monthNames.set(lookupKey(form), m);
  };
  const icuMonths = pack.code === 'und' ? new Map<string, number>() : icuMonthNames(pack.code);
  const short = pack.code === 'und' ? new Set<string>() : icuShortMonthForms(pack.code);
  for (const [form, m] of icuMonths) {
    addMonth(form, m);
    // Abbreviations are written with and without their dot ("Sep"/"Sep.", "янв."/"янв").
    if (!short.has(form) || /\d/.test(form)) continue;
    if (form.endsWith('.')) addMonth(form.slice(0, -1), m);
    else addMonth(`${form}.`, m);
  }
  for (const [form, m] of Object.entries(pack.dates.months)) addMonth(form, m);
  const icuDays = pack.code === 'und' ? new Map<string, number>() : icuWeekdayNames(pack.code);
  for (const [form, d] of [...icuDays, ...Object.entries(pack.dates.weekdays)]) {
    weekdayForms.add(form);
    if (!weekdayNames.has(lookupKey(form))) weekdayNames.set(lookupKey(form), d);
  }
  return { monthNames, weekdayNames, monthForms: [...monthForms], weekdayForms: [...weekdayForms] };
}

function compileDates(pack: LangPack, names: ReturnType<typeof buildNames>, file: string, text: string | undefined) {
  const cs = pack.dates.caseSensitive === true;
  const flags = cs ? 'gu' : 'giu';
  const suffixes = pack.dates.daySuffixes ?? [];

  const termsOf = (terms: Iterable<string>, caseVariants: boolean, before = '', after = ''): DatePlaceholder => ({
    before,
    terms: sortedTerms(terms, caseVariants),
    after,
  });
  const datePlaceholders: Record<DateRole, DatePlaceholder> = {
    day: {
      before: `(?<!\\d)\\d{1,2}(?:${suffixes.length ? suffixes.map(escapeRe).join('|') : '(?!)'})?(?!\\d)`,
      after: '',
      digits: { min: 1, max: 2, suffixes },
    },
    mm: { before: '(?<!\\d)\\d{1,2}(?!\\d)', after: '', digits: { min: 1, max: 2, suffixes: [] } },
    year: { before: '(?<!\\d)\\d{4}(?!\\d)', after: '', digits: { min: 4, max: 4, suffixes: [] } },
    // Not the start of a hyphenated name: "Сент-Луис", "May-Britt".
    month: { ...termsOf(names.monthForms, false, '(?:', ')(?!-\\p{L})'), notBeforeHyphenLetter: true },
    weekday: { ...termsOf(names.weekdayForms, false, '(?:', ')(?!-\\p{L})'), notBeforeHyphenLetter: true },
    quarter: termsOf(Object.keys(pack.dates.quarters), cs),
    daypart: termsOf(pack.dates.dayParts ?? [], cs),
    last: termsOf(pack.dates.last, cs),
    next: termsOf(pack.dates.next, cs),
    this: termsOf(pack.dates.this, cs),
    yearword: termsOf(pack.dates.yearWords, cs),
    monthword: termsOf(pack.dates.monthWords, cs),
  };
  const placeholders = Object.fromEntries(
    DATE_ROLES.map((r) => [r, placeholderSource(datePlaceholders[r])]),
  ) as Record<DateRole, string>;
  const datePatterns = pack.dates.patterns.map((t, k) => {
    try {
      return compileDateTemplate(t, placeholders, flags);
    } catch (e) {
      throw packError(file, text, `/dates/patterns/${k}`, (e as Error).message);
    }
  });
  const dateContextRe = (): RegExp =>
    new RegExp(`(?:^|[^\\p{L}\\p{M}\\p{N}_])(${alternation(pack.dates.prepositions)})${SPACE}*$`, 'iu');
  return { datePatterns, dateContextRe, nameFlags: flags, datePlaceholders };
}

/** The loaded pack, with its date-context expression built on first use (like the templates' expressions). */
function assemble(pack: LangPack, file: string, names: ReturnType<typeof buildNames>, dates: ReturnType<typeof compileDates>): LoadedPack {
  const { dateContextRe, ...rest } = dates;
  const out = { ...pack, file, ...names, ...rest } as LoadedPack;
  lazy(out, 'dateContextRe', dateContextRe);
  return out;
}

// ---------------------------------------------------------------- loading

function readJson(file: string): { text: string; data: Json } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new FactlintError('FL301', `(file): cannot read language pack: ${(e as Error).message}`, file, undefined, HINT);
  }
  try {
    return { text, data: JSON.parse(text) as Json };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new FactlintError('FL301', `(root): not valid JSON: ${msg}`, file, line, 'fix the JSON syntax (a trailing comma or a missing quote?)');
  }
}

function validateRaw(file: string, text: string, data: Json): Record<string, Json> {
  const validate = getValidator();
  if (!validate(data)) {
    const errors = [...(validate.errors ?? [])].sort((a, b) => (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0));
    const first = describe(errors[0]!);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw packError(file, text, first.pointer, first.message + more);
  }
  const raw = data as Record<string, Json>;
  const expected = basename(file).replace(/\.json$/i, '');
  if (raw.code !== expected) throw packError(file, text, '/code', `must be "${expected}", the file name without .json`);
  const furniture = (raw.furniture ?? {}) as Record<string, string[] | undefined>;
  for (const [field, flags] of [['patterns', 'u'], ['bylines', 'u'], ['contacts', 'iu'], ['bios', 'u']] as const) {
    (furniture[field] ?? []).forEach((p, k) => {
      try {
        new RegExp(p, flags);
      } catch (e) {
        throw packError(file, text, `/furniture/${field}/${k}`, `not a valid regular expression: ${(e as Error).message}`);
      }
    });
  }
  return raw;
}

/** Reads, validates and merges a pack file (and, recursively, the packs it extends, from the same folder). */
function loadRaw(file: string, seen: string[]): { raw: Record<string, Json>; text: string } {
  const { text, data } = readJson(file);
  const raw = validateRaw(file, text, data);
  const parentCode = raw.extends as string | undefined;
  if (parentCode === undefined) return { raw, text };
  if (seen.includes(parentCode) || parentCode === raw.code)
    throw packError(file, text, '/extends', `circular "extends": ${[...seen, raw.code as string, parentCode].join(' -> ')}`);
  let parentFile = join(dirname(file), `${parentCode}.json`);
  if (!existsSync(parentFile)) parentFile = join(RULES_DIR, 'lang', `${parentCode}.json`);
  if (!existsSync(parentFile)) throw packError(file, text, '/extends', `no language pack "${parentCode}" to extend`);
  const parent = loadRaw(parentFile, [...seen, raw.code as string]);
  return { raw: merge(parent.raw, raw, '') as Record<string, Json>, text };
}

/** Loads and validates one pack file; throws FactlintError FL301 naming the file, field and line on any problem. */
export function loadPackFile(path: string): LoadedPack {
  return compilePack(readPackFile(path));
}

/** A pack file read, validated and merged with the packs it extends, every field filled: not yet compiled. */
export interface PackData {
  pack: LangPack;
  /** The path as given, and the file's text (for the line of a compile error). */
  path: string;
  text: string;
}

/** Reads, validates and merges one pack file; throws FactlintError FL301 naming the file, field and line. */
export function readPackFile(path: string): PackData {
  const { raw, text } = loadRaw(resolve(path), []);
  return { pack: withDefaults(raw), path, text };
}

/** Adds ICU's month and weekday names to a pack read by readPackFile, and compiles its date templates. */
function compilePack({ pack, path, text }: PackData): LoadedPack {
  const names = buildNames(pack);
  const dates = compileDates(pack, names, path, text);
  return assemble(pack, path, names, dates);
}

/** The language packs of one folder, each loaded on first use and kept. */
export interface Packs {
  /** The folder the packs are read from. */
  readonly dir: string;
  /** The pack for a language code ("en", "vi", "ru", "en-GB" falls back to "en"); unknown codes get the neutral pack. */
  get(code: string): LoadedPack;
  /** Language codes with a pack in the folder (the neutral "und" base is not a language), sorted. */
  codes(): readonly string[];
  /** The pack's data as read (validated, merged, defaults filled), without compiling it: cheap where only a field or
   * two is needed. Same fallbacks as get(). */
  data(code: string): LangPack;
}

/** The packs of `dir` (default rules/lang). Loading is lazy: a pack is read, validated and compiled when first asked for. */
export function createPacks(dir = join(RULES_DIR, 'lang')): Packs {
  const read = new Map<string, PackData | undefined>();
  const compiled = new Map<string, LoadedPack>();
  let codes: string[] | undefined;
  /** The file code falls back to ("en-GB" -> "en", unknown -> "und"), or undefined for the built-in neutral pack. */
  const fileCode = (code: string): string | undefined => {
    const key = (code || 'und').trim();
    for (const c of [key, key.split(/[-_]/)[0]!.toLowerCase(), 'und']) {
      if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(c)) continue;
      if (read.has(c) || existsSync(join(dir, `${c}.json`))) return c;
    }
    return undefined;
  };
  const dataOf = (c: string): PackData => {
    if (!read.has(c)) read.set(c, readPackFile(join(dir, `${c}.json`)));
    return read.get(c)!;
  };
  return {
    dir,
    get(code: string): LoadedPack {
      const hit = compiled.get(code);
      if (hit) return hit;
      const c = fileCode(code);
      const key = c ?? '\u0000neutral';
      let pack = compiled.get(key);
      if (!pack) {
        pack = c === undefined ? neutralPack() : compilePack(dataOf(c));
        compiled.set(key, pack);
      }
      compiled.set(code, pack);
      return pack;
    },
    data(code: string): LangPack {
      const hit = compiled.get(code);
      if (hit) return hit;
      const c = fileCode(code);
      return c === undefined ? neutralPack() : dataOf(c).pack;
    },
    codes(): readonly string[] {
      codes ??= existsSync(dir)
        ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).filter((c) => c !== 'und').sort()
        : [];
      return codes;
    },
  };
}

let shared: Packs | undefined;
/**
 * The packs of rules/lang, loaded once per process: for the composition roots (the library entry points, worker
 * threads), tests and scripts. Stages and rule kinds never call this: they get the packs from their context.
 */
export function defaultPacks(): Packs {
  shared ??= createPacks();
  return shared;
}

/** defaultPacks().get(code): for tests and scripts. */
export const getPack = (code: string): LoadedPack => defaultPacks().get(code);

/** Used only if rules/lang/und.json is missing: "." decimals, no words, so extraction never crashes. */
function neutralPack(): LoadedPack {
  const pack = withDefaults({ code: 'und', name: 'Undetermined', numbers: { decimal: ['.'], thousands: [','] }, dates: { order: 'ymd' } });
  const names = buildNames(pack);
  return assemble(pack, '', names, compileDates(pack, names, '', undefined));
}

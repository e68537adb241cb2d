import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FactlintError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import { lineOfPointer, schemaValidator } from '../schema.js';
import type { LangPack } from './pack.js';

/**
 * Reading language packs: read rules/lang/<code>.json, validate it against rules/schema/lang.schema.json, merge the
 * pack it extends under it and fill the sections it leaves out. Nothing more: compile.ts makes a pack ready for
 * matching, packs.ts keeps the packs of a folder.
 */

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

export function packError(file: string, text: string | undefined, pointer: string, message: string): FactlintError {
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
export function withDefaults(raw: Record<string, Json>): LangPack {
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
    speech: {
      verbs: r.speech?.verbs ?? [], according: r.speech?.according ?? [], anonymous: r.speech?.anonymous ?? [],
      pronouns: r.speech?.pronouns ?? [], complementizers: r.speech?.complementizers ?? [], between: r.speech?.between ?? [],
      notCues: r.speech?.notCues ?? [],
    },
    events: r.events ?? {},
    sequenceConjunctions: r.sequenceConjunctions ?? [],
    modality: {
      possible: r.modality?.possible ?? [], expected: r.modality?.expected ?? [], future: r.modality?.future ?? [], impossible: r.modality?.impossible ?? [], ability: r.modality?.ability ?? [],
      purpose: r.modality?.purpose ?? [], notModal: r.modality?.notModal ?? [], reportedFuture: r.modality?.reportedFuture ?? [], conditional: r.modality?.conditional ?? [], notions: r.modality?.notions ?? [], necessity: r.modality?.necessity ?? [], perfect: r.modality?.perfect ?? [], ambiguous: r.modality?.ambiguous ?? [], happenings: r.modality?.happenings ?? [], agents: r.modality?.agents ?? [], risk: r.modality?.risk ?? [], alternatives: r.modality?.alternatives ?? [],
      ...(r.modality?.perfectiveFuture ? { perfectiveFuture: r.modality.perfectiveFuture } : {}),
    },
    adaptsForeignNames: r.adaptsForeignNames ?? false,
    capitalisesNouns: r.capitalisesNouns ?? false,
    ...(r.dictionary ? { dictionary: r.dictionary } : {}),
    ...(r.misspellings ? { misspellings: r.misspellings } : {}),
    nameRespellings: r.nameRespellings ?? [],
    ...(r.alphabet ? { alphabet: r.alphabet } : {}),
    ...(r.foreignVowels ? { foreignVowels: r.foreignVowels } : {}),
    negators: r.negators ?? [],
    negationConcord: r.negationConcord ?? [],
    negativeIndefinites: r.negativeIndefinites ?? [],
    lexicalNegators: r.lexicalNegators ?? [],
    ...(r.negativePrefixes ? { negativePrefixes: r.negativePrefixes } : {}),
    ...(r.negationScope ? { negationScope: r.negationScope } : {}),
    ...(r.lexicon ? { lexicon: r.lexicon } : {}),
    ...(r.synonyms ? { synonyms: r.synonyms } : {}),
    ...(r.antonyms ? { antonyms: r.antonyms } : {}),
    notNegations: r.notNegations ?? [],
    nounNotNegations: r.nounNotNegations ?? [],
    predicateOpeners: r.predicateOpeners ?? [],
    ...(r.negationParaphrases ? { negationParaphrases: r.negationParaphrases } : {}),
    titles: r.titles ?? [],
    titleRoles: r.titleRoles ?? {},
    stopwords: r.stopwords ?? [],
    functionWords: r.functionWords ?? [],
    closedClassWords: r.closedClassWords ?? [],
    auxiliaries: r.auxiliaries ?? [],
    wordPrefixes: r.wordPrefixes ?? [],
    nounSuffixes: r.nounSuffixes ?? [],
    nameConnectors: r.nameConnectors ?? [],
    notInInitials: r.notInInitials ?? [],
    determiners: r.determiners ?? [],
    articleForms: r.articleForms ?? [],
    possessiveEndings: r.possessiveEndings ?? [],
    abbreviations: r.abbreviations ?? [],
    ordinalBefore: r.ordinalBefore ?? [],
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

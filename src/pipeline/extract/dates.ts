import { addDays, addMonths, getDay, isValid, parseISO, subDays } from 'date-fns';
import {
  alternation,
  alternationOf,
  caseKey,
  DATE_ROLES,
  firstWord,
  lookupKey,
  lookupMap,
  placeholderSource,
  sortedTerms,
  type CompiledDatePattern,
  type DateRole,
  type LoadedPack,
} from '../../lang/load.js';
import type { DateGranularity, DateMention } from '../../model/mention.js';
import type { Span } from '../../model/span.js';

/**
 * Dates in one sentence, from the pack's date templates (rules/lang/<code>.json, dates.patterns) and its relative
 * phrases ("yesterday", "năm ngoái", "в прошлом году"), resolved against the publication date with date-fns.
 *
 * Year of a month or day written without one ("in June", "Sept. 20"), with P the publication date:
 *   - "last June" -> the most recent June before P's month; "next June" -> the first one after it;
 *   - otherwise, when the sentence has no future or expectation cue (pack modality.future / modality.expected) and the
 *     month (day) is not after P's, P's year;
 *   - otherwise the year is left undefined: unsure, it agrees with any year.
 * A weekday ("on Monday", "Friday afternoon") is the one on or before P, unless the sentence is about the future,
 * when it is left unresolved (weekday only). Without a publication date nothing relative is resolved.
 */

/**
 * How the extractor keeps the pack's expressions cheap. A date template compiles to one expression with every month,
 * weekday and relative form of the language in it (1,000–3,000 characters); V8 interprets such an expression for a
 * while and compiles it slowly, and runs the whole alternation at every position of every sentence. Instead, for
 * each sentence the name lists are cut down to the names whose words all occur in it as whole words (compared by
 * caseKey, so whatever the "i" flag would match is kept), and the template is compiled again with those lists only:
 * usually a handful of names, or none, in which case a template that needs the name is not run at all. The cut
 * expression finds exactly what the full one finds in that sentence: a name that cannot match anywhere in it is an
 * alternative that always fails. The cut expressions are cached per pack by the names they keep.
 */
interface TermList {
  /** Terms in the order the full alternation tries them (sortedTerms). */
  terms: string[];
  /** Indices of the terms without a letter or digit, which the word index cannot select (always kept). */
  always: number[];
}

/** A term of some list, reached from the caseKey of its first word. */
interface TermEntry {
  list: number;
  index: number;
  /** caseKeys of its other words, which must also occur in the sentence. */
  rest: string[];
}

/** The name lists of a pack, indexed by word. */
class TermIndex {
  readonly lists: TermList[] = [];
  private readonly byWord = new Map<string, TermEntry[]>();

  add(terms: string[]): number {
    const list = this.lists.length;
    const always: number[] = [];
    terms.forEach((term, index) => {
      const keys = [...term.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => caseKey(m[0]));
      if (keys.length === 0) {
        always.push(index);
        return;
      }
      const entry: TermEntry = { list, index, rest: keys.slice(1) };
      const at = this.byWord.get(keys[0]!);
      if (at) at.push(entry);
      else this.byWord.set(keys[0]!, [entry]);
    });
    this.lists.push({ terms, always });
    return list;
  }

  /** For each list, the indices (ascending) of the terms that can match in a text with these whole words. */
  select(words: ReadonlySet<string>): number[][] {
    const picked = this.lists.map((l) => [...l.always]);
    for (const w of words) {
      const entries = this.byWord.get(w);
      if (!entries) continue;
      for (const e of entries) if (e.rest.every((r) => words.has(r))) picked[e.list]!.push(e.index);
    }
    for (const p of picked) if (p.length > 1) p.sort((a, b) => a - b);
    return picked;
  }
}

/**
 * A cache that forgets everything when it grows past its limit. The keys are few in practice (the same months and
 * weekdays come back); the limit keeps the compiled code of the expressions small (V8's code space is bounded).
 */
class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 512) {}
  get(key: string, make: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      v = make();
      this.map.set(key, v);
    }
    return v;
  }
}

interface Cut {
  /** The template's cut expression, or null when a name it requires cannot occur in the sentence. */
  patterns: Memo<RegExp | null>;
  relative: Memo<RegExp | null>;
  future: Memo<RegExp | null>;
}

interface DateTables {
  relativeDays: Map<string, number>;
  relativePeriods: Map<string, { unit: 'year' | 'month' | 'week'; offset: number }>;
  quarters: Map<string, number>;
  last: Set<string>;
  next: Set<string>;
  /** Speech verbs: a weekday right after one ("said on Tuesday") is past whatever else the sentence says. */
  saidBeforeRe: RegExp;
  /** Lower-case first word of every name and phrase -> the roles (and "relative") it can start. */
  firstWords: Map<string, Set<string>>;
  /** The name lists: one per placeholder role with names (listOf), the relative phrases and the future cues. */
  index: TermIndex;
  listOf: Partial<Record<DateRole, number>>;
  relativeList: number;
  futureList: number;
  cut: Cut;
  /** Templates compiled in load.ts with their parts (segments): these can be cut. */
  cuttable: boolean;
}

const cache = new WeakMap<LoadedPack, DateTables>();

function dateTables(pack: LoadedPack): DateTables {
  const hit = cache.get(pack);
  if (hit) return hit;
  const d = pack.dates;
  const tables: DateTables = {
    relativeDays: lookupMap(d.relativeDays),
    relativePeriods: lookupMap(d.relativePeriods),
    quarters: lookupMap(d.quarters),
    last: new Set(d.last.map(lookupKey)),
    next: new Set(d.next.map(lookupKey)),
    saidBeforeRe: new RegExp(`(?:${alternation(pack.speech.verbs)})[\\s\\u00a0]+(?:\\p{L}+[\\s\\u00a0]+)?$`, 'iu'),
    firstWords: new Map(),
    index: new TermIndex(),
    listOf: {},
    relativeList: -1,
    futureList: -1,
    cut: { patterns: new Memo(), relative: new Memo(), future: new Memo() },
    cuttable: pack.datePlaceholders !== undefined && pack.datePatterns.every((p) => p.segments?.length === p.roles.length + 1),
  };
  const ph = pack.datePlaceholders;
  if (ph) for (const role of DATE_ROLES) {
    const terms = ph[role].terms;
    if (terms) tables.listOf[role] = tables.index.add(terms);
  }
  tables.relativeList = tables.index.add(sortedTerms([...Object.keys(d.relativeDays), ...Object.keys(d.relativePeriods)]));
  tables.futureList = tables.index.add(sortedTerms([...pack.modality.future, ...pack.modality.expected]));
  const index = (role: string, terms: Iterable<string>): void => {
    for (const term of terms) {
      const w = firstWord(term);
      if (!w) continue;
      const set = tables.firstWords.get(w) ?? new Set<string>();
      set.add(role);
      tables.firstWords.set(w, set);
    }
  };
  index('month', pack.monthForms);
  index('weekday', pack.weekdayForms);
  index('quarter', Object.keys(d.quarters));
  index('last', d.last);
  index('next', d.next);
  index('this', d.this);
  index('yearword', d.yearWords);
  index('monthword', d.monthWords);
  index('relative', [...Object.keys(d.relativeDays), ...Object.keys(d.relativePeriods)]);
  cache.set(pack, tables);
  return tables;
}

interface Candidate extends DateMention {
  /** Longer matches win when candidates overlap. */
  length: number;
  order: number;
}

const TAIL = 48;
/** How many days before publication a day-and-month date is taken as this year's even in a future sentence. */
const RECENT_DAYS = 45;

/** Extracts the dates of one sentence (`range`) of `text`; offsets are absolute. */
export function extractDates(text: string, range: Span, pack: LoadedPack, ctx: { published?: string }): DateMention[] {
  const t = dateTables(pack);
  const limit = Math.min(range.end, text.length);
  const sentence = text.slice(range.start, limit);
  const pub = ctx.published ? parseISO(ctx.published) : undefined;
  const published = pub && isValid(pub) ? pub : undefined;
  const found: Candidate[] = [];
  // Which kinds of date words the sentence has; templates needing one it lacks are not run.
  const present = new Set<string>();
  if (/\d/.test(sentence)) present.add('digit');
  // The sentence's whole words, by caseKey: which names can match in it (see TermIndex).
  const keys = new Set<string>();
  for (const m of sentence.matchAll(WORD_RUN)) {
    const word = m[0].toLowerCase();
    const roles = t.firstWords.get(word);
    if (roles) for (const role of roles) present.add(role);
    keys.add(caseKey(word));
  }
  const can = (role: DateRole): boolean =>
    role === 'day' || role === 'mm' || role === 'year' ? present.has('digit') : role === 'daypart' || present.has(role);
  const cut = cutter(t, pack, keys);
  const futureRe = present.size > 0 ? cut.future() : null;
  const anyFuture = futureRe !== null && futureRe.test(sentence);
  // A future or expectation cue counts only before the date: "is scheduled to begin in September", not "agreed on
  // Tuesday to buy …, betting that households will keep paying".
  const futureBefore = (start: number): boolean => anyFuture && futureRe.test(text.slice(range.start, start));

  pack.datePatterns.forEach((p, order) => {
    if (!p.required.every(can)) return;
    const re = t.cuttable ? cut.pattern(p, order) : p.re;
    if (!re) return;
    for (const m of execAll(re, sentence)) {
      const start = range.start + m.index;
      const end = start + m[0].length;
      const tail = text.slice(Math.max(range.start, start - TAIL), start);
      const ctxMatch = pack.dateContextRe.exec(tail);
      if (p.needsContext && !ctxMatch) continue;
      const fields: Partial<Record<DateRole, string>> = {};
      p.roles.forEach((role, k) => {
        const v = m[k + 1];
        if (v !== undefined) fields[role] = v;
      });
      const said = fields.weekday !== undefined && t.saidBeforeRe.test(text.slice(Math.max(range.start, start - TAIL), start));
      const mention = build(fields, pack, t, published, futureBefore(start) && !said);
      if (!mention) continue;
      const preposition = ctxMatch?.[1] ? lookupKey(ctxMatch[1]) : undefined;
      found.push({
        ...mention,
        type: 'date',
        source: range.source,
        start,
        end,
        text: m[0],
        ...(preposition ? { preposition } : {}),
        length: m[0].length,
        order,
      });
    }
  });

  const relativeRe = present.has('relative') ? cut.relative() : null;
  for (const m of relativeRe ? execAll(relativeRe, sentence) : []) {
    const key = lookupKey(m[0]);
    const start = range.start + m.index;
    // "5 năm tới" is the next five years, not next year.
    if (/\d[\s\u00a0]*$/.test(text.slice(Math.max(range.start, start - 4), start))) continue;
    const day = t.relativeDays.get(key);
    const period = t.relativePeriods.get(key);
    let fields: Omit<DateMention, 'type' | 'source' | 'start' | 'end' | 'text'> | undefined;
    if (day !== undefined) {
      fields = published
        ? { granularity: 'day', ...ymd(addDays(published, day)), relative: true }
        : { granularity: 'day', relative: true };
    } else if (period && period.unit !== 'week') {
      if (period.unit === 'year') fields = { granularity: 'year', relative: true, ...(published ? { year: published.getFullYear() + period.offset } : {}) };
      else {
        const at = published ? addMonths(published, period.offset) : undefined;
        fields = { granularity: 'month', relative: true, ...(at ? { year: at.getFullYear(), month: at.getMonth() + 1 } : {}) };
      }
    }
    if (!fields) continue;
    const tail = text.slice(Math.max(range.start, start - TAIL), start);
    const ctxMatch = pack.dateContextRe.exec(tail);
    found.push({
      type: 'date',
      source: range.source,
      start,
      end: start + m[0].length,
      text: m[0],
      ...fields,
      ...(ctxMatch?.[1] ? { preposition: lookupKey(ctxMatch[1]) } : {}),
      length: m[0].length,
      order: -1,
    });
  }

  // Longest first; among equals, the earlier pattern. Keep what does not overlap something already kept.
  found.sort((a, b) => b.length - a.length || a.start - b.start || a.order - b.order);
  const kept: Candidate[] = [];
  for (const c of found) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ length: _l, order: _o, ...d }) => d);
}

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/** The matches of a global expression, as String.prototype.matchAll gives them, without copying the expression. */
function* execAll(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(s);
    if (!m) return;
    if (m[0] === '') {
      // AdvanceStringIndex: past a whole surrogate pair under the "u" flag.
      const i = re.lastIndex;
      const c = s.charCodeAt(i);
      re.lastIndex = re.unicode && c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
    }
    const next = re.lastIndex;
    yield m;
    re.lastIndex = next;
  }
}

/**
 * More names than this in one list of a cut expression, and the full expression is used instead: a long text with
 * many names would otherwise compile a large expression that serves no other sentence.
 */
const CUT_MAX = 8;

/** The pack's expressions cut down to the names that can occur in a sentence with these words. */
function cutter(t: DateTables, pack: LoadedPack, keys: ReadonlySet<string>) {
  let picked: number[][] | undefined;
  const sigs: (string | undefined)[] = [];
  const pick = (list: number): number[] => (picked ??= t.index.select(keys))[list]!;
  const sig = (list: number): string => (sigs[list] ??= pick(list).join(','));
  const termsOf = (list: number): string[] => {
    const all = t.index.lists[list]!.terms;
    return pick(list).map((i) => all[i]!);
  };
  const plain = (list: number, memo: Memo<RegExp | null>, flags: string): RegExp | null =>
    memo.get(pick(list).length > CUT_MAX ? '*' : sig(list), () =>
      pick(list).length ? new RegExp(alternationOf(pick(list).length > CUT_MAX ? t.index.lists[list]!.terms : termsOf(list)), flags) : null,
    );
  return {
    pattern(p: CompiledDatePattern, order: number): RegExp | null {
      let key = String(order);
      for (const role of p.roles) {
        const list = t.listOf[role];
        if (list === undefined) key += '|';
        else if (pick(list).length > CUT_MAX) return p.re;
        else key += `|${sig(list)}`;
      }
      return t.cut.patterns.get(key, () => {
        const segments = p.segments!;
        const placeholders = pack.datePlaceholders!;
        let src = segments[0]!;
        for (let k = 0; k < p.roles.length; k++) {
          const role = p.roles[k]!;
          const list = t.listOf[role];
          const terms = list === undefined ? undefined : termsOf(list);
          // A required name that cannot occur: the template cannot match.
          if (terms && terms.length === 0 && p.required.includes(role)) return null;
          src += `(${placeholderSource(placeholders[role], terms)})${segments[k + 1]!}`;
        }
        return new RegExp(src, p.re.flags);
      });
    },
    relative: (): RegExp | null => plain(t.relativeList, t.cut.relative, 'giu'),
    future: (): RegExp | null => plain(t.futureList, t.cut.future, 'iu'),
  };
}

const ymd = (d: Date): { year: number; month: number; day: number } => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });

const daysIn = (year: number | undefined, month: number): number => new Date(year ?? 2024, month, 0).getDate();

type Fields = Omit<DateMention, 'type' | 'source' | 'start' | 'end' | 'text'>;

/** Turns the captured parts of a template into date fields, or undefined when they are not a date (month 13). */
function build(
  f: Partial<Record<DateRole, string>>,
  pack: LoadedPack,
  t: DateTables,
  published: Date | undefined,
  future: boolean,
): Fields | undefined {
  let year = f.year !== undefined ? Number(f.year) : undefined;
  let month = f.month !== undefined ? pack.monthNames.get(lookupKey(f.month)) : f.mm !== undefined ? Number(f.mm) : undefined;
  let day = f.day !== undefined ? Number(/\d+/.exec(f.day)?.[0]) : undefined;
  const weekday = f.weekday !== undefined ? pack.weekdayNames.get(lookupKey(f.weekday)) : undefined;
  let quarter = f.quarter !== undefined ? t.quarters.get(lookupKey(f.quarter)) : undefined;
  if (f.month !== undefined && month === undefined) return undefined;
  if (f.weekday !== undefined && weekday === undefined) return undefined;
  if (f.quarter !== undefined && quarter === undefined) return undefined;
  if (year !== undefined && (year < 1000 || year > 2199)) return undefined;
  // A bare year needs to look like one; a year in a full date may be historical.
  if (year !== undefined && month === undefined && day === undefined && quarter === undefined && (year < 1800 || year > 2100))
    return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || month === undefined || day > daysIn(year, month))) return undefined;

  const relWord = f.last !== undefined ? 'last' : f.next !== undefined ? 'next' : f.this !== undefined ? 'this' : undefined;
  let relative = false;
  let granularity: DateGranularity = day !== undefined ? 'day' : month !== undefined ? 'month' : quarter !== undefined ? 'quarter' : year !== undefined ? 'year' : 'weekday';

  if (year === undefined && published) {
    const pm = published.getMonth() + 1;
    const py = published.getFullYear();
    if (month !== undefined || quarter !== undefined) {
      const m = month ?? (quarter! - 1) * 3 + 1;
      const d = day ?? 1;
      const notAfter = m < pm || (m === pm && (day === undefined || d <= published.getDate()));
      // A day and month just before publication is this year's, whatever the tense ("announced on Oct. 15 that it will").
      const recent = day !== undefined && notAfter && published.getTime() - new Date(py, m - 1, d).getTime() <= RECENT_DAYS * 864e5;
      if (relWord === 'last') year = m < pm ? py : py - 1;
      else if (relWord === 'next') year = m > pm ? py : py + 1;
      else if (relWord === 'this') year = py;
      else if ((!future && notAfter) || recent) year = py;
      if (relWord) relative = true;
      else if (year !== undefined) relative = true;
    } else if (weekday !== undefined) {
      const pd = getDay(published);
      let date: Date | undefined;
      if (relWord === 'last') date = subDays(published, (pd - weekday + 7) % 7 || 7);
      else if (relWord === 'next') date = addDays(published, (weekday - pd + 7) % 7 || 7);
      else if (relWord === 'this' || !future) date = subDays(published, (pd - weekday + 7) % 7);
      if (date) {
        ({ year, month, day } = ymd(date));
        granularity = 'day';
        relative = true;
      }
    }
  }
  const out: Fields = { granularity, relative };
  if (year !== undefined) out.year = year;
  if (quarter !== undefined) out.quarter = quarter;
  if (month !== undefined) out.month = month;
  if (day !== undefined) out.day = day;
  if (weekday !== undefined) out.weekday = weekday;
  return out;
}

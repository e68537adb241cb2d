// Test oracle: src/pipeline/extract/quantities.ts as it was before the extractors stopped running the packs' giant
// alternations (commit 0a964df), with only its import paths changed. It matches with the full expressions
// (pack.datePatterns[i].re, pack.dateContextRe, alternation()); equivalence.test.ts checks that the extractors give
// exactly what this code gives. Not used by the tool. Changes of behaviour since (figures' decimals, a currency word
// that is also a unit, scores) are made here too.
import type { LoadedPack } from '../../../../src/lang/compile.js';
import { lookupKey, words } from '../../../../src/lang/text.js';
import type { Approximator, QuantityKind, QuantityMention } from '../../../../src/model/mention.js';
import type { Span } from '../../../../src/model/span.js';
import {
  clean,
  combineWords,
  isAbbreviation,
  numberTables,
  parseNumeral,
  spelledAsCode,
  valuePrecision,
  type NumberTables,
  type WordKind,
} from './numparse.js';

/**
 * Quantities in one sentence: money, counts, percentages, measures, shares and durations, each normalised to a value
 * in base units (4,9 tỷ USD -> 4.9e9 USD), with its approximator ("more than", "khoảng", "свыше"), range and precision.
 *
 * Two facts beyond QuantityMention travel on the objects (see ExtractedQuantity): a currency that is only a guess
 * (a bare "$" may be Canadian) and a conversion (an amount in parentheses after an amount in another currency,
 * "C$640 million ($465 million)"). quantitiesAgree reads them.
 */
/** Kept as a name for callers; the conversion and assumed-currency flags now live on QuantityMention. */
export type ExtractedQuantity = QuantityMention;

/** Spans that hold digits but no quantity: clock times, phone numbers, e-mail and web addresses. */
const NOT_QUANTITY =
  /\d{1,2}:\d{2}(?::\d{2})?|\+\d{1,3}[\s\u00a0(-]*\d{1,4}\)?(?:[\s\u00a0-]?\d{2,4}){2,4}|(?<!\d)\d{2,4}(?:[-‑]\d{2,4}){2,}(?!\d)|\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+/gu;

/**
 * A score or tally: "2&1" (match play), "4-1", "3–0", "6-4 vote": one figure, not two counts. Written with a hyphen it
 * is a score only when it does not go up (a range does: "16-17", "2-3 days").
 */
const SCORE = /(?<![\d.,:/-])\d{1,3}[\s\u00a0]?&[\s\u00a0]?\d{1,3}(?!\d)|(?<![\d.,:/\p{L}-])(\d{1,2})[-–](\d{1,2})(?!\d|[.,:]\d|[%/-])/gu;

const TAIL = 60;

interface Core {
  start: number;
  end: number;
  value: number;
  precision: number;
  /** Digits after the decimal mark of the numeral. */
  decimals: number;
  kind: QuantityKind;
  unit: string;
  currencyAssumed: boolean;
  /** The unit a currency word also names ("pounds": lb). */
  unitReading?: string;
  /** Something besides the number was attached (scale, unit, currency, percent…). */
  attached: boolean;
  spelled: boolean;
  hadScale: boolean;
  scaleFactor: number;
  approx?: Approximator;
}

const inSpans = (pos: number, spans: readonly Span[]): boolean => spans.some((s) => pos >= s.start && pos < s.end);

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The number at `pos` (digits or words) with what follows it: scale, ordinal, percent, currency, unit, duration. */
function parseCore(text: string, pos: number, limit: number, t: NumberTables, sign: string | undefined): Core | undefined {
  let end: number;
  let value: number;
  let precision: number;
  let decimals = 0;
  let spelled = false;
  let kind: QuantityKind = 'count';
  let unit = '';
  let attached = false;
  let hadScale = false;
  let scaleFactor = 1;
  const num = execAt(t.numeralAtRe, text, pos);
  if (num) {
    const parsed = parseNumeral(num[0], t);
    if (!parsed) return undefined;
    value = parsed.value;
    precision = parsed.precision;
    decimals = parsed.decimals;
    end = pos + num[0].length;
    if (execAt(t.timeSuffixRe, text, end)) return undefined;
    const ord = execAt(t.ordinalSuffixRe, text, end);
    if (ord && ord[0].length && end + ord[0].length <= limit) {
      return { start: pos, end: end + ord[0].length, value, precision, decimals, kind: 'count', unit: '', currencyAssumed: false, attached: true, spelled: false, hadScale: false, scaleFactor: 1 };
    }
    // Scale words, chained ("33 nghìn tỷ"); a short Latin abbreviation ("m", "bn") binds only when attached or after a sign.
    for (let k = 0; k < 2; k++) {
      const sc = execAt(t.scaleRe, text, end);
      if (!sc || end + sc[0].length > limit) break;
      const word = sc[2] ?? '';
      if (isAbbreviation(word) && (sc[1] ?? '').trim() === '' && (sc[1] ?? '') !== '' && !sign) break;
      const f = t.scales.get(lookupKey(word));
      if (f === undefined) break;
      scaleFactor *= f;
      end += sc[0].length;
      hadScale = true;
    }
    value = clean(value * scaleFactor);
  } else {
    const ph = execAt(t.phraseAtRe, text, pos);
    if (!ph) return undefined;
    const key = lookupKey(ph[0]);
    spelled = true;
    const frac = t.fractions.get(key);
    const mult = t.multipliers.get(key);
    if (frac !== undefined || mult !== undefined) {
      return {
        start: pos,
        end: pos + ph[0].length,
        value: frac ?? mult ?? 0,
        precision: valuePrecision(frac ?? mult ?? 0),
        decimals: 0,
        kind: 'share',
        unit: frac !== undefined ? '' : '×',
        currencyAssumed: false,
        attached: true,
        spelled: true,
        hadScale: false,
        scaleFactor: 1,
      };
    }
    const tokens: { value: number; kind: WordKind; end: number }[] = [];
    const first = t.words.get(key);
    if (first === undefined || t.multiplying.has(key)) return undefined;
    tokens.push({ value: first, kind: first >= 1000 ? 'scale' : 'word', end: pos + ph[0].length });
    let at = pos + ph[0].length;
    for (;;) {
      const m = execAt(t.wordContinueRe, text, at);
      if (!m || at + m[0].length > limit) break;
      const k = lookupKey(m[1] ?? '');
      const w = t.words.get(k);
      const s = t.scales.get(k);
      const tokKind: WordKind = t.multiplying.has(k) ? 'mult' : w !== undefined && w < 1000 ? 'word' : 'scale';
      tokens.push({ value: w ?? s ?? 0, kind: tokKind, end: at + m[0].length });
      at += m[0].length;
    }
    const combined = combineWords(tokens.map((x) => ({ value: x.value, kind: first >= 1000 && x === tokens[0] ? 'word' : x.kind })));
    if (combined.used === 0) return undefined;
    value = combined.value;
    end = tokens[combined.used - 1]!.end;
    hadScale = tokens.slice(1, combined.used).some((x) => x.kind === 'scale') || first >= 1000;
    precision = valuePrecision(value);
  }
  let currencyAssumed = false;
  let unitReading: string | undefined;
  const pct = execAt(t.percentRe, text, end);
  if (pct && end + pct[0].length <= limit) {
    return { start: pos, end: end + pct[0].length, value, precision, decimals, kind: 'percent', unit: '%', currencyAssumed, attached: true, spelled, hadScale, scaleFactor };
  }
  const times = execAt(t.timesRe, text, end);
  if (times && end + times[0].length <= limit) {
    return { start: pos, end: end + times[0].length, value, precision, decimals, kind: 'share', unit: '×', currencyAssumed, attached: true, spelled, hadScale, scaleFactor };
  }
  const cur = execAt(t.currencyAfterRe, text, end);
  if (cur && end + cur[0].length <= limit) {
    const k = lookupKey(cur[2] ?? '');
    const code = spelledAsCode(t, cur[2] ?? '') ? t.currencies.get(k) : undefined;
    if (code) {
      kind = 'money';
      unit = code;
      currencyAssumed = t.assumed.has(k);
      unitReading = spelledAsCode(t, cur[2] ?? '') ? t.units.get(k) : undefined;
      end += cur[0].length;
      attached = true;
    }
  }
  if (!attached) {
    const u = execAt(t.unitRe, text, end);
    if (u && end + u[0].length <= limit) {
      const key = spelledAsCode(t, u[2] ?? '') ? t.units.get(lookupKey(u[2] ?? '')) : undefined;
      if (key) {
        kind = key === 'pp' ? 'percent' : 'measure';
        unit = key;
        end += u[0].length;
        attached = true;
      }
    }
  }
  if (!attached) {
    const d = execAt(t.durationRe, text, end);
    if (d && end + d[0].length <= limit) {
      const key = t.durations.get(lookupKey(d[2] ?? ''));
      if (key) {
        kind = 'duration';
        unit = key;
        end += d[0].length;
        attached = true;
      }
    }
  }
  if (kind !== 'duration' && kind !== 'percent') {
    const r = execAt(t.rateRe, text, end);
    if (r && end + r[0].length <= limit) {
      const per = t.durations.get(lookupKey(r[1] ?? ''));
      if (per) {
        unit = `${unit}/${per}`;
        end += r[0].length;
      }
    }
  }
  return { start: pos, end, value, precision, decimals, kind, unit, currencyAssumed, ...(unitReading ? { unitReading } : {}), attached: attached || hadScale, spelled, hadScale, scaleFactor };
}

const CAPITALISED_WORD_BEFORE = /(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}'’.-]*)[\s\u00a0]+$/u;
const MID_SENTENCE_BEFORE = /[\p{L}\p{M}\p{N},;]["'“”‘’«»)]?[\s\u00a0]*$/u;

/** Extracts the quantities of one sentence (`range`) of `text`; offsets are absolute. */
export function extractQuantities(text: string, range: Span, pack: LoadedPack, exclude: Span[] = []): ExtractedQuantity[] {
  const t = numberTables(pack);
  const limit = Math.min(range.end, text.length);
  const sentence = text.slice(range.start, limit);
  const skip: Span[] = [...exclude];
  for (const m of sentence.matchAll(NOT_QUANTITY)) {
    skip.push({ source: range.source, start: range.start + m.index, end: range.start + m.index + m[0].length });
  }
  for (const m of sentence.matchAll(SCORE)) {
    if (m[1] !== undefined && Number(m[1]) < Number(m[2])) continue;
    skip.push({ source: range.source, start: range.start + m.index, end: range.start + m.index + m[0].length });
  }
  // Candidate starts: numerals and number phrases, in text order.
  const starts: number[] = [];
  if (/\d/.test(sentence)) for (const m of sentence.matchAll(t.numeralRe)) starts.push(range.start + m.index);
  for (const { word, index } of words(sentence)) {
    if (!t.phraseFirstWords.has(word)) continue;
    const pos = range.start + index;
    if (execAt(t.phraseAtRe, text, pos)) starts.push(pos);
  }
  starts.sort((a, b) => a - b);

  const out: ExtractedQuantity[] = [];
  let consumedTo = range.start;
  for (const pos of starts) {
    if (pos < consumedTo || inSpans(pos, skip)) continue;
    const tail = text.slice(Math.max(range.start, pos - TAIL), pos);
    const signFound = t.signBeforeRe.exec(tail);
    const signM = signFound && spelledAsCode(t, signFound[1] ?? '') ? signFound : null;
    const sign = signM?.[1];
    const core = parseCore(text, pos, limit, t, sign);
    if (!core || core.end <= pos) continue;
    if (inSpans(core.end - 1, skip) && core.end - 1 > pos) continue;
    let start = pos;
    let left = tail;
    let kind = core.kind;
    let unit = core.unit;
    let currencyAssumed = core.currencyAssumed;
    if (signM && sign !== undefined) {
      const code = t.currencies.get(lookupKey(sign));
      if (code && kind !== 'percent') {
        left = tail.slice(0, signM.index);
        start = pos - (tail.length - signM.index);
        if (kind !== 'money') {
          kind = 'money';
          unit = unit.startsWith('/') ? code + unit : code;
          currencyAssumed = t.assumed.has(lookupKey(sign));
        }
      }
    }
    if (core.unit === '×') {
      const tb = t.timesBeforeRe.exec(left);
      if (tb) {
        start -= left.length - tb.index;
        left = left.slice(0, tb.index);
      }
    }
    let approx: Approximator = 'exact';
    const ap = t.approxBeforeRe.exec(left);
    if (ap) {
      approx = t.approximators.get(lookupKey(ap[1] ?? '')) ?? 'exact';
      start -= left.length - ap.index;
      left = left.slice(0, ap.index);
    }
    const isWordNumber = core.spelled && core.kind !== 'share';
    if (core.spelled) {
      if (t.ordinalPrefixRe.exec(left) || (isWordNumber && t.vagueRe.exec(left))) continue;
      // A number word written with a capital in mid-sentence is part of a name ("Hai Dang"), unless the pack writes it so.
      const initial = text.slice(pos, pos + 1);
      if (initial !== initial.toLowerCase() && MID_SENTENCE_BEFORE.test(tail)) {
        const first = execAt(t.phraseAtRe, text, pos);
        if (first && t.lowerCaseWords.has(lookupKey(first[0]))) continue;
      }
      // "one", "một", "один" alone are articles more often than counts.
      if (isWordNumber && core.value === 1 && !core.attached && kind === 'count') continue;
    }
    const bare = kind === 'count' && !core.attached && approx === 'exact' && !core.spelled;
    if (bare) {
      const raw = text.slice(pos, core.end);
      // A year outside a date span ("the 2015 fire", "declared 2020 the year") is not a count.
      if (/^\d{4}$/.test(raw) && core.value >= 1800 && core.value <= 2100) continue;
      // A number right after a capitalised word is an identifier: "Level 3", "Highway 31", "Windows 11". Only where
      // capitals mark names and titles alone (en, de): in ru and vi a place name often precedes a number.
      const cap = pack.dates.caseSensitive ? CAPITALISED_WORD_BEFORE.exec(tail) : null;
      if (cap && MID_SENTENCE_BEFORE.test(tail.slice(0, cap.index))) continue;
      // Digits glued to letters ("5G", "4K") are names.
      if (/[\p{L}]/u.test(text[core.end] ?? '')) continue;
    }
    let end = core.end;
    const aa = execAt(t.approxAfterRe, text, end);
    if (aa && end + aa[0].length <= limit && approx === 'exact') {
      approx = t.approximatorsAfter.get(lookupKey(aa[1] ?? '')) ?? 'exact';
      end += aa[0].length;
    }
    const q: ExtractedQuantity = {
      type: 'quantity',
      source: range.source,
      start,
      end,
      text: '',
      kind,
      value: core.value,
      unit,
      approx,
      precision: core.precision,
    };
    if (core.decimals > 0) q.decimals = core.decimals;
    if (kind === 'money' && currencyAssumed) q.currencyAssumed = true;
    if (kind === 'money' && core.unitReading && !signM) q.unitReading = core.unitReading;

    // A range: "$15 billion to $20 billion", "16–17%", "six to nine months", "between 15 and 20", "từ 10 đến 20".
    const between = t.betweenOpenRe.exec(left);
    const connector = between ? execAt(t.betweenAndReFor.get(lookupKey(between[1] ?? '')) ?? t.betweenAndRe, text, end) : null;
    const conn = connector ?? execAt(t.rangeRe, text, end);
    if (conn && end + conn[0].length < limit) {
      const p2 = end + conn[0].length;
      const sign2 = execAt(t.signAtRe, text, p2);
      const c2start = sign2 ? p2 + sign2[0].length : p2;
      const c2 = inSpans(c2start, skip) ? undefined : parseCore(text, c2start, limit, t, sign2?.[1] ?? sign);
      if (c2) {
        const merged = mergeRange(q, core, c2, sign2 ? t.currencies.get(lookupKey(sign2[1] ?? '')) : undefined);
        if (merged) {
          if (between && connector) q.start = start - (left.length - between.index);
          q.end = c2.end;
          end = c2.end;
        }
      }
    }
    q.text = text.slice(q.start, q.end);
    consumedTo = q.end;
    out.push(q);
  }
  markConversions(text, out);
  return out;
}

/** Joins the second number of a range into `q` when both sides measure the same thing and the first is smaller. */
function mergeRange(q: ExtractedQuantity, c1: Core, c2: Core, sign2: string | undefined): boolean {
  let kind2 = c2.kind;
  let unit2 = c2.unit;
  if (sign2 && kind2 !== 'percent') {
    kind2 = 'money';
    unit2 = sign2;
  }
  const bare2 = kind2 === 'count' && !c2.attached;
  const bare1 = q.kind === 'count' && !c1.attached;
  if (bare1 && bare2 && (isYearLike(c1.value) || isYearLike(c2.value))) return false;
  if (c1.spelled !== c2.spelled && bare1 && bare2) return false;
  let v1 = q.value;
  if (bare1 || (q.kind === kind2 && q.unit === unit2) || (kind2 === 'count' && !c2.attached) || (q.kind === 'money' && kind2 === 'count' && c2.hadScale && unit2 === '')) {
    // The first number takes the scale and unit of the second: "15 to 20 billion", "16–17%", "six to nine months".
    if (!c1.hadScale && c2.hadScale) v1 = clean(v1 * c2.scaleFactor);
    if (bare1 && !bare2) {
      q.kind = kind2;
      q.unit = unit2;
    }
  } else return false;
  const v2 = c2.value;
  if (!(v1 < v2)) return false;
  q.value = v1;
  q.valueMax = v2;
  q.precision = Math.min(q.precision ?? c1.precision, c2.precision);
  if (Math.max(c1.decimals, c2.decimals) > 0) q.decimals = Math.max(c1.decimals, c2.decimals);
  return true;
}

const isYearLike = (v: number): boolean => Number.isInteger(v) && v >= 1800 && v <= 2100;

/** Amounts in parentheses right after an amount in another (or an unsure) currency are conversions. */
function markConversions(text: string, qs: ExtractedQuantity[]): void {
  for (let i = 1; i < qs.length; i++) {
    const a = qs[i - 1]!;
    const b = qs[i]!;
    if (a.kind !== 'money' || b.kind !== 'money') continue;
    if (!/^[\s\u00a0]*[([][\s\u00a0]*$/.test(text.slice(a.end, b.start))) continue;
    if (a.unit !== b.unit || a.currencyAssumed || b.currencyAssumed) b.conversion = true;
  }
}

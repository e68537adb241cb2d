import type { Claim } from '../../model/claim.js';
import type { DateMention, QuantityMention } from '../../model/mention.js';
import type { LoadedPack } from '../../lang/compile.js';
import { escapeRe } from '../../lang/text.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { isLabel, labelWords } from '../compare/labels.js';
import { datesAgree, quantitiesAgree, readsAs, type AgreeOptions } from '../compare/agree.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  crossLanguageOnly: boolean;
}

interface Figure {
  source: string;
  start: number;
  end: number;
  text: string;
  digits: string;
  /** A clock time: the minutes of the day it can be ("3 p.m." 900; "7 giờ" 420 or 1140; "13.30 Uhr" 810). */
  clock?: number[];
}

/** The pack's words that make a number a time of day, compiled: hours ("Uhr", "giờ", "часов") and day halves. */
interface ClockWords { hours: RegExp; am: RegExp; pm: RegExp }
const clockWordsOf = new WeakMap<object, ClockWords>();
/** The words at the start of a string (after spaces), longest first, each a whole word; spaces match any run. */
const wordsAtStart = (ws: readonly string[]): RegExp =>
  new RegExp(`^[\\s\\u00a0]*(?:${ws.length ? [...ws].sort((a, b) => b.length - a.length).map((w) => escapeRe(w).replace(/ +/g, '[\\s\\u00a0]+')).join('|') : '(?!)'})(?![\\p{L}\\p{N}])`, 'iu');
function clockWords(pack: LoadedPack): ClockWords {
  let c = clockWordsOf.get(pack);
  if (!c) {
    const k = pack.dates.clock;
    c = { hours: wordsAtStart(k?.hours ?? []), am: wordsAtStart(k?.am ?? []), pm: wordsAtStart(k?.pm ?? []) };
    clockWordsOf.set(pack, c);
  }
  return c;
}

/**
 * The minutes of the day a figure can be, if it is a time: "15:00", "3 p.m.", "1.30pm", "13.30 Uhr", "7 giờ tối",
 * "5 часов утра". An hour up to 12 with no half of the day named is either half.
 */
function clockOf(text: string, end: number, figure: string, w: ClockWords): number[] | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/u.exec(figure);
  if (!m) return undefined;
  let rest = text.slice(end, end + 40);
  const hour = w.hours.exec(rest);
  if (hour) rest = rest.slice(hour[0].length);
  const am = w.am.exec(rest);
  const pm = am ? null : w.pm.exec(rest);
  if (!hour && !am && !pm && !figure.includes(':')) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59) return undefined;
  if (am) return [(h % 12) * 60 + min];
  if (pm) return [((h % 12) + 12) * 60 + min];
  return h >= 1 && h <= 12 ? [h * 60 + min, (h + 12) * 60 + min] : [h * 60 + min];
}

/**
 * A clock time ("15:00") is one figure; otherwise digits with their decimal or group marks ("4,9", "1.250") and
 * groups of three after a space ("116 123", "1 850"): "0800 555 111 24/7" is a number and "24", "7".
 */
const FIGURE = /\d{1,2}:\d{2}(?!\d)|\d+(?:[.,]\d+|[\u00a0\u202f ]\d{3}(?!\d))*/gu;

function figures(source: string, text: string, start: number, end: number, w: ClockWords): Figure[] {
  const out: Figure[] = [];
  for (const m of text.slice(start, end).matchAll(FIGURE)) {
    const s = start + (m.index ?? 0);
    const e = s + m[0].length;
    const clock = clockOf(text, e, m[0], w);
    out.push({ source, start: s, end: e, text: m[0], digits: m[0].replace(/\D/g, '').replace(/^0+(?=\d)/, ''), ...(clock ? { clock } : {}) });
  }
  return out;
}

/** Each figure's digits, and each group of digits inside it ("7.55" gives 755, 7 and 55), with how often each is written. */
function digitSet(fs: Figure[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (d: string): void => { out.set(d, (out.get(d) ?? 0) + 1); };
  for (const f of fs) {
    const here = new Set([f.digits]);
    for (const g of f.text.split(/[^\d]+/u)) if (g) here.add(g.replace(/^0+(?=\d)/, ''));
    here.forEach(add);
  }
  return out;
}

type Mention = QuantityMention | DateMention;
const within = (f: Figure, ms: Mention[]): Mention | undefined => ms.find((m) => m.start <= f.start && f.end <= m.end);
const agreeing = (x: Mention, y: Mention, opts: AgreeOptions): boolean => {
  if (x.type !== y.type) return false;
  const r = x.type === 'date' ? datesAgree(x, y as DateMention) : quantitiesAgree(x, y as QuantityMention, opts);
  return r === 'same' || r === 'compatible';
};

/**
 * Figures as written: in aligned sentences of two versions, a figure on each side with no equal on the other
 * ("1984" / "2017", "Канал 5" / "Kanal 7"). This is the net under the quantity and date readers: it needs no
 * language knowledge beyond digits. Figures inside amounts or dates that the readers matched (a conversion,
 * "4,9 tỷ" / "$4.9 billion") or already found in conflict are left to them.
 */
export const figureMismatch: RuleKind<Params> = {
  name: 'figure-mismatch',
  scope: 'pair',
  vars: ['a', 'b'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { crossLanguageOnly: { description: 'Only between versions in different languages (within one language, the edit rules see every changed figure).', type: 'boolean' } },
    required: ['crossLanguageOnly'],
  },
  checkPair(ctx, p) {
    const units = ctx.knowledge.units();
    const wa = clockWords(ctx.knowledge.pack(ctx.a.source.lang));
    const wb = clockWords(ctx.knowledge.pack(ctx.b.source.lang));
    const la = labelWords(ctx.knowledge.pack(ctx.a.source.lang).numbers.labelNouns ?? []);
    const lb = labelWords(ctx.knowledge.pack(ctx.b.source.lang).numbers.labelNouns ?? []);
    const out: RawFinding[] = [];
    if (p.crossLanguageOnly && ctx.a.source.lang === ctx.b.source.lang) return out;
    for (const lc of linkedClaims(ctx)) {
      const fa = figures(ctx.a.source.id, ctx.a.source.text, lc.link.a.start, lc.link.a.end, wa);
      const fb = figures(ctx.b.source.id, ctx.b.source.text, lc.link.b.start, lc.link.b.end, wb);
      if (fa.length === 0 || fb.length === 0) continue;
      // A label ("hiệp 1", "round 2") is a figure as written, not an amount the quantity rule compares.
      const ma: Mention[] = lc.a.flatMap((c: Claim) => [...c.quantities.filter((q) => !isLabel(ctx.a.source.text, q, la)), ...c.dates]);
      const mb: Mention[] = lc.b.flatMap((c: Claim) => [...c.quantities.filter((q) => !isLabel(ctx.b.source.text, q, lb)), ...c.dates]);
      // Figures written anywhere near the aligned sentence (two sentences either way) count as written there:
      // translations regroup clauses across sentence boundaries.
      const near = (side: typeof ctx.a, ids: string[], w: ClockWords): Figure[] => {
        const first = side.sentenceById.get(ids[0]!)!.index;
        const last = side.sentenceById.get(ids[ids.length - 1]!)!.index;
        const from = side.sentences[Math.max(0, first - 2)]!;
        const to = side.sentences[Math.min(side.sentences.length - 1, last + 2)]!;
        return figures(side.source.id, side.source.text, from.start, to.end, w);
      };
      const nearFiguresA = near(ctx.a, lc.link.aSentences, wa);
      const nearFiguresB = near(ctx.b, lc.link.bSentences, wb);
      const nearA = digitSet(nearFiguresA);
      const nearB = digitSet(nearFiguresB);
      const alignedA = digitSet(fa);
      const alignedB = digitSet(fb);
      // A figure is accounted for when the aligned sentence writes it too, or the sentences around it write it as
      // often as the sentences around this one do (a figure moved across a sentence boundary; "HER2" written in
      // the next sentence does not account for "HER5" here), or when the readers matched its mention with one on
      // the other side; a figure whose mention has a counterpart of the same kind that disagrees is the quantity
      // and date rules' finding, not this one's.
      const settled = (f: Figure, mine: Mention[], theirs: Mention[], myNear: Map<string, number>, theirAligned: Map<string, number>, theirNear: Map<string, number>, theirFigures: Figure[]): boolean => {
        // A time of day against the times written there: "15:00" / "3 p.m.", "1.30pm" / "13.30 Uhr", "7 p.m." /
        // "7 giờ tối"; not "1.30pm" / "14.30 Uhr".
        const times = theirFigures.filter((g) => g.clock);
        if (f.clock && times.length > 0) return times.some((g) => g.clock!.some((x) => f.clock!.includes(x)));
        if (theirAligned.has(f.digits) || (theirNear.get(f.digits) ?? 0) >= (myNear.get(f.digits) ?? 1)) return true;
        // "7.55" (a time) against "7 ч 55", "'19" against "2019": every group of digits is written there too.
        const groups = f.text.split(/[^\d]+/u).filter(Boolean);
        if (groups.every((g) => (groups.length > 1 && theirNear.has(g)) || (g.length === 2 && [...theirNear.keys()].some((d) => d.length === 4 && d.endsWith(g))))) return true;
        // "2019" against "'19".
        if (/^(?:1[89]|20)\d\d$/u.test(f.text) && theirNear.has(f.digits.slice(2))) return true;
        const m = within(f, mine);
        if (!m) return false;
        return theirs.some((t) => agreeing(m, t, { units, coverage: ctx.story.relation !== 'versions' }) || (t.type === m.type && (m.type === 'date' || (m as QuantityMention).unit === (t as QuantityMention).unit)))
          // Two measures in different units: a conversion ("85 mph" / "136 km/h").
          || (m.type === 'quantity' && (m as QuantityMention).kind === 'measure' && theirs.some((t) => t.type === 'quantity' && (t as QuantityMention).unit !== (m as QuantityMention).unit && (t as QuantityMention).kind === 'measure'));
      };
      let loneA = fa.filter((f) => !settled(f, ma, mb, nearA, alignedB, nearB, nearFiguresB));
      let loneB = fb.filter((f) => !settled(f, mb, ma, nearB, alignedA, nearA, nearFiguresA));
      // A bare figure and a measure that it converts to ("widespread 80s" / "27 ºC": degrees Fahrenheit).
      const converts = (f: Figure, mine: Mention[], g: Figure, theirs: Mention[]): boolean => {
        const m = within(g, theirs);
        const own = within(f, mine);
        return m?.type === 'quantity' && m.kind === 'measure' && (!own || (own.type === 'quantity' && own.kind === 'count' && own.unit === ''))
          && readsAs(own?.type === 'quantity' ? own.value : Number(f.digits), m, units);
      };
      const convertedA = new Set<Figure>();
      const convertedB = new Set<Figure>();
      for (const f of loneA) for (const g of loneB) {
        if (!converts(f, ma, g, mb) && !converts(g, mb, f, ma)) continue;
        convertedA.add(f);
        convertedB.add(g);
      }
      loneA = loneA.filter((f) => !convertedA.has(f));
      loneB = loneB.filter((g) => !convertedB.has(g));
      if (loneA.length === 0 || loneB.length === 0) continue;
      const x = loneA[0]!;
      const y = loneB[0]!;
      out.push({
        locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
        context: contextOf(ctx, lc),
        vars: { a: x.text, b: y.text },
      });
    }
    return out;
  },
};

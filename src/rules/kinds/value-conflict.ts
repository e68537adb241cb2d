import type { DateMention, QuantityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { isLabel, labelWords } from '../compare/labels.js';
import { datesAgree, quantitiesAgree, type Agreement } from '../compare/agree.js';
import type { Units } from '../../lang/units.js';
import type { LangPack } from '../../lang/pack.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  mentions: 'quantities' | 'dates';
  skipKinds?: string[];
  coverageMaxFactor?: number;
}

type M = QuantityMention | DateMention;

const closedClassSets = new WeakMap<LangPack, Set<string>>();
/** A pack's closed-class and function words as one set, built once per pack (the rule asks on every pair). */
function closedClassOf(pack: LangPack): Set<string> {
  let set = closedClassSets.get(pack);
  if (!set) closedClassSets.set(pack, (set = new Set([...pack.closedClassWords, ...pack.functionWords])));
  return set;
}

const LEVEL: Record<Agreement, number> = { same: 0, compatible: 1, different: 2, incomparable: 3 };

/** Where a mention stands in its side of the link, from 0 (start) to 1 (end). */
const position = (m: M, span: { start: number; end: number }): number => (m.start - span.start) / Math.max(1, span.end - span.start);

/**
 * How far apart the roles of two values are: 0 the same unit (or date granularity), 1 units of one dimension, 2 the
 * same kind, 3 otherwise. A value is compared with the value that plays its role in the other sentence ("385 miles"
 * with "620 km", not with "135 km/h"), not with whichever disagrees first.
 */
function roleGap(x: M, y: M, t: Units): number {
  if (x.type === 'date' || y.type === 'date') return x.type === 'date' && y.type === 'date' && x.granularity === y.granularity ? 0 : 1;
  if (x.kind === y.kind && x.unit === y.unit) return x.unit ? 0 : 2;
  const base = (u: string): string => u.split('/')[0] ?? '';
  const dx = t.of.get(base(x.unit))?.dimension;
  const dy = t.of.get(base(y.unit))?.dimension;
  if (dx && dx === dy) return 1;
  return x.kind === y.kind ? 2 : 3;
}

const WORD_AFTER = /^[\s\u00a0‑-]*([\p{L}\p{M}][\p{L}\p{M}'’-]*)/u;

/**
 * Whether a bare count counts a noun of its own ("three points", "bốn người") rather than standing alone ("ranked one
 * and three in the world", "three points from four.", "two 18-year-olds"): the next word names a thing.
 */
function countsANoun(text: string, q: QuantityMention, functionWords: ReadonlySet<string>): boolean {
  const m = WORD_AFTER.exec(text.slice(q.end, q.end + 40));
  return m !== null && !functionWords.has(m[1]!.toLowerCase());
}

const spelled = (q: QuantityMention): boolean => !/\p{N}/u.test(q.text);


/**
 * What of a value a counterpart can answer for: a date written with its weekday ("субботу, 29-го октября") answers
 * for a weekday ("Saturday") and for a day ("September 29") of the other side, each once.
 */
type Facet = 'main' | 'weekday';
const primary = (m: M): Facet => (m.type === 'date' && m.granularity === 'weekday' ? 'weekday' : 'main');
const facets = (m: M): Facet[] => (m.type === 'date' && m.granularity !== 'weekday' && m.weekday !== undefined ? ['main', 'weekday'] : [primary(m)]);

/**
 * Pairs the values of two aligned sentences one to one, the pairs that agree best first (same, then compatible),
 * each value with the nearest in position among equals. What is left on each side has no counterpart that agrees.
 */
function unmatched(ma: M[], mb: M[], agree: (x: M, y: M) => Agreement, spanA: { start: number; end: number }, spanB: { start: number; end: number }): [M[], M[]] {
  const pairs: { i: number; j: number; level: number; gap: number; facet: Facet }[] = [];
  ma.forEach((x, i) => mb.forEach((y, j) => {
    const level = LEVEL[agree(x, y)];
    const facet: Facet = primary(x) === 'weekday' || primary(y) === 'weekday' ? 'weekday' : 'main';
    if (level <= 1 && facets(x).includes(facet) && facets(y).includes(facet)) pairs.push({ i, j, level, facet, gap: Math.abs(position(x, spanA) - position(y, spanB)) });
  }));
  pairs.sort((p, q) => p.level - q.level || p.gap - q.gap || p.i - q.i || p.j - q.j);
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  for (const p of pairs) {
    if (usedA.has(`${p.i}:${p.facet}`) || usedB.has(`${p.j}:${p.facet}`)) continue;
    usedA.add(`${p.i}:${p.facet}`);
    usedB.add(`${p.j}:${p.facet}`);
  }
  return [ma.filter((x, i) => !usedA.has(`${i}:${primary(x)}`)), mb.filter((y, j) => !usedB.has(`${j}:${primary(y)}`))];
}

/**
 * In aligned sentences, a value on one side with no agreeing value on the other, paired with the value of the same
 * role that disagrees: "$560 million" vs "650 triệu USD", "September" vs "tháng 7".
 */
export const valueConflict: RuleKind<Params> = {
  name: 'value-conflict',
  scope: 'pair',
  vars: ['a', 'b'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      mentions: { description: 'Which mentions: quantities or dates.', enum: ['quantities', 'dates'] },
      skipKinds: { description: 'Skip quantities of these kinds (e.g. durations are handled with dates).', type: 'array', items: { type: 'string' } },
      coverageMaxFactor: { description: 'Between independent reports (not versions of one article), sentences align more loosely: amounts further apart than this factor are taken to be different facts, not one fact reported differently.', type: 'number', minimum: 1 },
    },
    required: ['mentions'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    const coverage = ctx.story.relation !== 'versions';
    const agree = (x: M, y: M): Agreement =>
      p.mentions === 'dates' ? datesAgree(x as DateMention, y as DateMention) : quantitiesAgree(x as QuantityMention, y as QuantityMention, { units, coverage });
    const labelsA = labelWords(ctx.knowledge.pack(ctx.a.source.lang).numbers.labelNouns ?? []);
    const labelsB = labelWords(ctx.knowledge.pack(ctx.b.source.lang).numbers.labelNouns ?? []);
    const pickIn = (text: string, labels: RegExp) => (c: { quantities: QuantityMention[]; dates: DateMention[] }): M[] =>
      p.mentions === 'dates' ? c.dates : c.quantities.filter((q) => !(p.skipKinds ?? []).includes(q.kind) && !isLabel(text, q, labels));
    const pickA = pickIn(ctx.a.source.text, labelsA);
    const pickB = pickIn(ctx.b.source.text, labelsB);
    const seen = new Set<string>();
    const units = ctx.knowledge.units();
    const functionA = closedClassOf(ctx.knowledge.pack(ctx.a.source.lang));
    const functionB = closedClassOf(ctx.knowledge.pack(ctx.b.source.lang));
    // In independent reports, a value that the other report states anywhere (agreeing) is not in conflict:
    // the aligned sentence is about something else.
    const everywhereA = ctx.a.claims.flatMap(pickA);
    const everywhereB = ctx.b.claims.flatMap(pickB);
    const sameKind = (x: M, y: M): boolean => x.type !== 'quantity' || y.type !== 'quantity' || (x.kind === y.kind && x.unit === y.unit);
    const agreesSomewhere = (x: M, ys: M[]): boolean => ys.some((y) => { const r = agree(x, y); return sameKind(x, y) && (r === 'same' || r === 'compatible'); });
    const comparable = (x: M, y: M): boolean => {
      if (!coverage || p.mentions === 'dates') return true;
      const q = x as QuantityMention;
      const r = y as QuantityMention;
      const f = Math.max(q.value, r.value) / Math.max(1e-9, Math.min(q.value, r.value));
      return f <= (p.coverageMaxFactor ?? 3);
    };
    for (const lc of linkedClaims(ctx)) {
      const ma = lc.a.flatMap(pickA);
      const mb = lc.b.flatMap(pickB);
      if (ma.length === 0 || mb.length === 0) continue;
      const [restA, restB] = unmatched(ma, mb, agree, lc.link.a, lc.link.b);
      const loneA = restA.filter((x) => !(coverage && agreesSomewhere(x, everywhereB)));
      const loneB = restB.filter((y) => !(coverage && agreesSomewhere(y, everywhereA)));
      // Each lone value meets the lone value of the other side that plays its role: the closest roles first, then
      // the closest positions, so a value added elsewhere in the sentence does not take the evidence over.
      const candidates: { x: M; y: M; role: number; gap: number }[] = [];
      for (const x of loneA) for (const y of loneB) {
        if (agree(x, y) !== 'different' || !comparable(x, y)) continue;
        // Numbers written as words are where translations paraphrase ("two 18-year-olds" among four suspects /
        // "четверо подозреваемых"): two bare counts, one of them in words, play one role only when both count a
        // noun or neither does.
        if (x.type === 'quantity' && y.type === 'quantity' && x.kind === 'count' && y.kind === 'count' && x.unit === '' && y.unit === ''
          && (spelled(x) || spelled(y)) && countsANoun(ctx.a.source.text, x, functionA) !== countsANoun(ctx.b.source.text, y, functionB)) continue;
        if (coverage && p.mentions === 'dates' && (x as DateMention).granularity !== (y as DateMention).granularity
          && !(ma.length === 1 && mb.length === 1 && (x as DateMention).granularity !== 'year' && (y as DateMention).granularity !== 'year')) continue;
        candidates.push({ x, y, role: roleGap(x, y, units), gap: Math.abs(position(x, lc.link.a) - position(y, lc.link.b)) });
      }
      candidates.sort((c, d) => c.role - d.role || c.gap - d.gap || c.x.start - d.x.start || c.y.start - d.y.start);
      const usedA = new Set<M>();
      const usedB = new Set<M>();
      const chosen: { x: M; y: M; role: number }[] = [];
      for (const c of candidates) {
        if (usedA.has(c.x) || usedB.has(c.y)) continue;
        usedA.add(c.x);
        usedB.add(c.y);
        chosen.push(c);
      }
      for (const { x, y, role } of chosen.sort((c, d) => c.x.start - d.x.start)) {
        const key = `${x.start}|${y.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // Unsure: two values with no unit or dimension in common, met among several left over on a side (which
        // plays which role is a guess). A note, not an error.
        const unsure = role >= 2 && (loneA.length > 1 || loneB.length > 1);
        out.push({
          locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
          context: contextOf(ctx, lc),
          vars: { a: x.text, b: y.text },
          ...(unsure ? { severity: 'info' as const } : {}),
        });
      }
    }
    return out;
  },
};

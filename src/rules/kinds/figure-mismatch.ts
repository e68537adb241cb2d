import type { Claim } from '../../model/claim.js';
import type { DateMention, QuantityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { datesAgree, quantitiesAgree } from '../compare/agree.js';

interface Params {
  /** Only between versions in different languages (within one language, the edit rules see every changed figure). */
  crossLanguageOnly: boolean;
}

interface Figure { source: string; start: number; end: number; text: string; digits: string; pm: boolean }

/** A clock time ("15:00") is one figure; otherwise digits with their group and decimal marks. */
const FIGURE = /\d{1,2}:\d{2}(?!\d)|\d+(?:[.,\u00a0\u202f ]\d+)*/gu;
const CLOCK = /^(\d{1,2}):(\d{2})$/u;

function figures(source: string, text: string, start: number, end: number): Figure[] {
  const out: Figure[] = [];
  for (const m of text.slice(start, end).matchAll(FIGURE)) {
    const s = start + (m.index ?? 0);
    const e = s + m[0].length;
    out.push({ source, start: s, end: e, text: m[0], digits: m[0].replace(/\D/g, '').replace(/^0+(?=\d)/, ''), pm: /^\s?p\.?\s?m\b/iu.test(text.slice(e, e + 6)) });
  }
  return out;
}

/** Each figure's digits, and each group of digits inside it ("7.55" gives 755, 7 and 55). */
function digitSet(fs: Figure[]): Set<string> {
  const out = new Set<string>();
  for (const f of fs) {
    out.add(f.digits);
    for (const g of f.text.split(/[^\d]+/u)) if (g) out.add(g.replace(/^0+(?=\d)/, ''));
    // "3 p.m." is "15:00" on a 24-hour clock.
    if (f.pm && Number(f.digits) < 12) out.add(String(Number(f.digits) + 12));
  }
  return out;
}

type Mention = QuantityMention | DateMention;
const within = (f: Figure, ms: Mention[]): Mention | undefined => ms.find((m) => m.start <= f.start && f.end <= m.end);
const agreeing = (x: Mention, y: Mention): boolean => {
  if (x.type !== y.type) return false;
  const r = x.type === 'date' ? datesAgree(x, y as DateMention) : quantitiesAgree(x, y as QuantityMention);
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
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { crossLanguageOnly: { type: 'boolean' } },
    required: ['crossLanguageOnly'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    if (p.crossLanguageOnly && ctx.a.source.lang === ctx.b.source.lang) return out;
    for (const lc of linkedClaims(ctx)) {
      const fa = figures(ctx.a.source.id, ctx.a.source.text, lc.link.a.start, lc.link.a.end);
      const fb = figures(ctx.b.source.id, ctx.b.source.text, lc.link.b.start, lc.link.b.end);
      if (fa.length === 0 || fb.length === 0) continue;
      const ma: Mention[] = lc.a.flatMap((c: Claim) => [...c.quantities, ...c.dates]);
      const mb: Mention[] = lc.b.flatMap((c: Claim) => [...c.quantities, ...c.dates]);
      // Figures written anywhere near the aligned sentence (two sentences either way) count as written there:
      // translations regroup clauses across sentence boundaries.
      const near = (side: typeof ctx.a, ids: string[]): Figure[] => {
        const first = side.sentenceById.get(ids[0]!)!.index;
        const last = side.sentenceById.get(ids[ids.length - 1]!)!.index;
        const from = side.sentences[Math.max(0, first - 2)]!;
        const to = side.sentences[Math.min(side.sentences.length - 1, last + 2)]!;
        return figures(side.source.id, side.source.text, from.start, to.end);
      };
      const digitsB = digitSet(near(ctx.b, lc.link.bSentences));
      const digitsA = digitSet(near(ctx.a, lc.link.aSentences));
      // A figure is accounted for when the other side writes it too, or when the readers matched its mention
      // with one on the other side; a figure whose mention has a counterpart of the same kind that disagrees is
      // the quantity and date rules' finding, not this one's.
      const settled = (f: Figure, mine: Mention[], theirs: Mention[], theirDigits: Set<string>): boolean => {
        if (theirDigits.has(f.digits)) return true;
        // "15:00" against "3 p.m.": the hour is written there (on either clock), and whole hours need no minutes.
        const clock = CLOCK.exec(f.text);
        if (clock) {
          const h = String(Number(clock[1]));
          const hours = [h, ...(Number(h) > 12 ? [String(Number(h) - 12)] : [])];
          if (hours.some((x) => theirDigits.has(x)) && (clock[2] === '00' || theirDigits.has(String(Number(clock[2]))))) return true;
        }
        // "3 p.m." against "15:00".
        if (f.pm && Number(f.digits) < 12 && theirDigits.has(String(Number(f.digits) + 12))) return true;
        // "7.55" (a time) against "7 ч 55", "'19" against "2019": every group of digits is written there too.
        const groups = f.text.split(/[^\d]+/u).filter(Boolean);
        if (groups.every((g) => theirDigits.has(g) || (g.length === 2 && [...theirDigits].some((d) => d.length === 4 && d.endsWith(g))))) return true;
        if (f.digits.length === 4 && theirDigits.has(f.digits.slice(2))) return true;
        const m = within(f, mine);
        if (!m) return false;
        return theirs.some((t) => agreeing(m, t) || (t.type === m.type && (m.type === 'date' || (m as QuantityMention).unit === (t as QuantityMention).unit)))
          // Two measures in different units: a conversion ("85 mph" / "136 km/h").
          || (m.type === 'quantity' && (m as QuantityMention).kind === 'measure' && theirs.some((t) => t.type === 'quantity' && (t as QuantityMention).unit !== (m as QuantityMention).unit && (t as QuantityMention).kind === 'measure'));
      };
      const loneA = fa.filter((f) => !settled(f, ma, mb, digitsB));
      const loneB = fb.filter((f) => !settled(f, mb, ma, digitsA));
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

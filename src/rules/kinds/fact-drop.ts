import type { Claim } from '../../model/claim.js';
import type { DateMention, EntityMention, QuantityMention } from '../../model/mention.js';
import type { Span } from '../../model/span.js';
import type { RawFinding, RuleKind, SourceData } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { datesAgree, quantitiesAgree } from '../compare/agree.js';
import { isEdit } from '../compare/edits.js';
import { near } from '../compare/names.js';
import { originalOf } from '../compare/versions.js';

type Fact = 'date' | 'figure' | 'source';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  facts: Fact[];
  neighbourhood: number;
  minScore: number;
}

/** A date that pins a moment down: a year, or a month with its day (not "on Monday", not "last week"). */
const specificDate = (d: DateMention): boolean => !d.relative && (d.year !== undefined || (d.month !== undefined && d.day !== undefined));
/**
 * A figure worth keeping and safe to look for: an amount of money, a percentage, or a count of ten or more. Measures
 * and durations are left out: translators convert units ("80 degrees" / "27 ºC", "10 inches" / "25 Zentimeter") and
 * reword spans of time ("over 24 hours" / "in a day"); so is a count written in words ("Fourteen"), which a
 * translation writes in words too.
 */
const specificFigure = (q: QuantityMention): boolean => !q.conversion && (q.kind === 'money' || q.kind === 'percent' || (q.kind === 'count' && q.value >= 10 && /\d/u.test(q.text)));
/** The digits of a figure or a year as written ("2012", "116"), to find it in text whatever the extractor read there. */
const digitsOf = (text: string): string[] => text.match(/\d+/gu) ?? [];
const agrees = (r: string): boolean => r === 'same' || r === 'compatible';

/**
 * The source of a statement named as a single word that is not a person's surname ("…, Bloomberg reported",
 * "according to Nielsen"): attribution-conflict compares people; an outlet or an agency left out is this rule's.
 */
function namedSource(c: Claim, src: SourceData, auxiliaries: ReadonlySet<string>): EntityMention | undefined {
  const at = c.attribution;
  if (!at?.speakerSpan || at.anonymous) return undefined;
  const e = c.entities.find((x) => x.start === at.speakerSpan!.start);
  // A capitalised word opening the sentence may be a common noun ("Officers said …").
  if (!e || e.alias || e.tokens.length !== 1 || e.tokens[0]!.length < 3 || e.start === c.start) return undefined;
  // A word of the speaker's office ("Foreign" of "says Foreign Minister") names no source of its own.
  if (at.office && at.office.start <= e.start && e.end <= at.office.end) return undefined;
  // The name is the source itself, next to its verb ("Bloomberg reported", "Bloomberg has reported"), not a word
  // before the source ("a Catalan official said").
  const gap = e.end <= at.cueSpan.start ? src.source.text.slice(e.end, at.cueSpan.start) : src.source.text.slice(at.cueSpan.end, e.start);
  if (!gap.split(/[\s,]+/u).filter(Boolean).every((w) => auxiliaries.has(w.toLowerCase()))) return undefined;
  // A word of a person's name ("Kit" of "Kit Harington"): people are attribution-conflict's.
  const t = e.tokens[0]!;
  const person = src.claims.some((o) => o.entities.some((x) => x.tokens.length >= 2 && x.tokens.includes(t)));
  return person ? undefined : e;
}

/**
 * A fact of the original (a date, a figure, the named source of a statement) that the aligned sentence of the derived
 * version leaves out, the rest of the sentence being there: "… on Sept. 11, 2001" translated without the date,
 * "…, Bloomberg reported" without the source. A translator may move a date or a source to a neighbouring sentence:
 * only a fact found nowhere in the aligned neighbourhood is reported. A value given differently is a conflict for
 * value-conflict; near-identical sentences in one language are edit-diff's.
 */
export const factDrop: RuleKind<Params> = {
  name: 'fact-drop',
  scope: 'pair',
  vars: ['fact', 'value'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      facts: { description: 'Which facts to look for: "date", "figure", "source".', type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['date', 'figure', 'source'] } },
      neighbourhood: { description: 'Sentences either side of the aligned sentence in which the derived version may have moved the fact.', type: 'integer', minimum: 0 },
      minScore: { description: 'Least alignment score of the pair: the two sentences must surely say the same thing.', type: 'number', minimum: 0 },
    },
    required: ['facts', 'neighbourhood', 'minScore'],
  },
  checkPair(ctx, p) {
    if (ctx.story.relation !== 'versions') return [];
    const [orig, derived] = originalOf(ctx);
    const origIsA = orig === ctx.a;
    // The derived language's words for a value ("тысячи" = 1,000, "fourteen" = 14), single words only.
    const dPack = ctx.knowledge.pack(derived.source.lang);
    const units = ctx.knowledge.units();
    const numberWords = (v: number): string[] => [...Object.entries(dPack.numbers.words), ...Object.entries(dPack.numbers.scales)]
      .filter(([w, x]) => x === v && !/\s/u.test(w)).map(([w]) => w.toLowerCase());
    const out: RawFinding[] = [];
    for (const lc of linkedClaims(ctx)) {
      if (lc.link.score < p.minScore) continue;
      const oc = origIsA ? lc.a : lc.b;
      const dc = origIsA ? lc.b : lc.a;
      const oSpan = origIsA ? lc.link.a : lc.link.b;
      const dSpan = origIsA ? lc.link.b : lc.link.a;
      const dIds = origIsA ? lc.link.bSentences : lc.link.aSentences;
      if (ctx.a.source.lang === ctx.b.source.lang && isEdit(orig.source.text, oSpan, derived.source.text, dSpan)) continue;
      // The derived version's sentences around the aligned one, where a translator may have moved the fact.
      const first = derived.sentenceById.get(dIds[0]!)!.index;
      const last = derived.sentenceById.get(dIds[dIds.length - 1]!)!.index;
      const around = derived.claims.slice(Math.max(0, first - p.neighbourhood), last + p.neighbourhood + 1);
      const aroundText = around.map((c) => derived.source.text.slice(c.start, c.end)).join(' ');
      const aroundDigits = new Set(digitsOf(aroundText));
      const aroundWords = new Set(aroundText.toLowerCase().split(/[^\p{L}\p{M}]+/u));
      const aroundValues = around.flatMap((c) => c.quantities.flatMap((q) => [q.value, q.valueMax ?? q.value]));
      // The fact is written there, whatever the extractor made of it: its numbers as digits, or a quantity of its value.
      const written = (text: string, value?: number): boolean =>
        (digitsOf(text).length > 0 && digitsOf(text).every((d) => aroundDigits.has(d)))
        || (value !== undefined && (aroundValues.some((v) => Math.abs(v - value) <= 1e-9 * Math.abs(value)) || (Number.isInteger(value) && aroundDigits.has(String(value))) || numberWords(value).some((w) => aroundWords.has(w))));
      // A year may be written as the short second year of a range ("the 1950-53 war" / "von 1950 bis 1953").
      const yearWritten = (y: number): boolean => written(String(y))
        || (aroundDigits.has(String(y % 100).padStart(2, '0')) && [...aroundDigits].some((d) => d.length === 4 && d.slice(0, 2) === String(y).slice(0, 2)));
      const report = (fact: Fact, what: Span & { text: string }): void => {
        out.push({
          locations: origIsA ? [loc(orig.source.text, what), loc(derived.source.text, dSpan)] : [loc(derived.source.text, dSpan), loc(orig.source.text, what)],
          context: contextOf(ctx, lc),
          vars: { fact: fact === 'date' ? 'date' : fact === 'figure' ? 'figure' : 'source', value: what.text },
        });
      };
      if (p.facts.includes('date') && dc.every((c) => c.dates.length === 0)) {
        for (const d of oc.flatMap((c) => c.dates).filter(specificDate)) {
          if (around.some((c) => c.dates.some((x) => agrees(datesAgree(d, x))))) continue;
          if (d.year !== undefined && yearWritten(d.year)) continue;
          report('date', d);
        }
      }
      if (p.facts.includes('figure')) {
        const dq = dc.flatMap((c) => c.quantities);
        // A number written as part of a date ("1950-53") is the date's.
        const dateSpans = oc.flatMap((c) => c.dates);
        for (const q of oc.flatMap((c) => c.quantities).filter(specificFigure)) {
          if (dateSpans.some((d) => q.start <= d.end + 1 && d.start <= q.end + 1)) continue;
          // The short second year of a range ("the 1950-53 war"), or a piece of a longer number ("the 1930s").
          if (/\d{4}[-–]$|\d$/u.test(orig.source.text.slice(Math.max(0, q.start - 5), q.start))) continue;
          // A figure the derived sentence gives differently is a conflict, not a drop.
          if (dq.some((x) => quantitiesAgree(q, x, { units }) !== 'incomparable')) continue;
          if (around.some((c) => c.quantities.some((x) => agrees(quantitiesAgree(q, x, { units }))))) continue;
          if (written(q.text, q.value)) continue;
          report('figure', q);
        }
      }
      // In a language that capitalises its nouns, a capitalised word is no sign of a name ("Landes", "Notstand").
      if (p.facts.includes('source') && dc.every((c) => !c.attribution) && !ctx.knowledge.pack(orig.source.lang).capitalisesNouns) {
        const aux = new Set(ctx.knowledge.pack(orig.source.lang).auxiliaries.map((w) => w.toLowerCase()));
        for (const c of oc) {
          const e = namedSource(c, orig, aux);
          if (!e) continue;
          const t = e.tokens[0]!;
          if (around.some((x) => x.entities.some((y) => y.tokens.some((u) => near(t, u))))) continue;
          report('source', e);
        }
      }
    }
    return out;
  },
};

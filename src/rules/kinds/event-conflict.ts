import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc, type LinkedClaims } from '../util.js';
import type { PairContext } from '../types.js';
import { lemmaOf, lexiconOf } from '../../lang/lexicon.js';
import { isEdit } from '../compare/edits.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  conflicts: [string, string][];
}

/** Aligned sentences whose event verbs belong to conflicting classes: bought vs invested, leased vs sold, held vs failed. */
export const eventConflict: RuleKind<Params> = {
  name: 'event-conflict',
  scope: 'pair',
  vars: ['a', 'b', 'classA', 'classB'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { conflicts: { description: 'Pairs of event classes that cannot describe the same fact: [["acquire","invest"], ["lease","acquire"], …].', type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } } },
    required: ['conflicts'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    const conflict = new Set(p.conflicts.flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]));
    for (const lc of linkedClaims(ctx)) {
      // An event right after "before" / "trước khi" is another event of the sequence, not what the sentence reports.
      const ea = lc.a.flatMap((c) => c.events).filter((e) => !e.subordinate);
      const eb = lc.b.flatMap((c) => c.events).filter((e) => !e.subordinate);
      const clsA = new Set(ea.map((e) => e.cls));
      const clsB = new Set(eb.map((e) => e.cls));
      let done = false;
      // In one language, verbs that are each other's antonyms in the language's word list (WordNet for English):
      // "won" / "lost", "rose" / "fell", "bought" / "sold". A near-identical pair is edit-diff's (edited-word).
      const anto = ctx.a.source.lang === ctx.b.source.lang ? antonymVerbs(ctx, lc) : undefined;
      if (anto) { out.push(anto); continue; }
      for (const x of ea) {
        if (done || clsB.has(x.cls)) continue;
        const y = eb.find((e) => !clsA.has(e.cls) && conflict.has(`${x.cls}|${e.cls}`));
        if (!y) continue;
        done = true;
        out.push({
          locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
          context: contextOf(ctx, lc),
          vars: { a: x.text, b: y.text, classA: x.cls, classB: y.cls },
        });
      }
    }
    return out;
  },
};

const WORD = /[\p{L}\p{M}]+/gu;
/** The first verb of one sentence whose antonym (and not itself) is a verb of the other: "won" / "lost". */
function antonymVerbs(ctx: PairContext, lc: LinkedClaims): RawFinding | undefined {
  const words = lexiconOf(ctx.knowledge.pack(ctx.a.source.lang));
  if (words.verbForms.size === 0) return undefined;
  const ta = ctx.a.source.text;
  const tb = ctx.b.source.text;
  if (isEdit(ta, lc.link.a, tb, lc.link.b)) return undefined;
  // Verbs only: an inflected form the word list knows ("won", "sold"), read with its lemma.
  const verbs = (text: string, span: { start: number; end: number }): { start: number; end: number; text: string; lemma: string }[] =>
    [...text.slice(span.start, span.end).matchAll(WORD)]
      .filter((w) => words.verbForms.has(w[0].toLowerCase()))
      .map((w) => ({ start: span.start + w.index, end: span.start + w.index + w[0].length, text: w[0], lemma: lemmaOf(words, w[0]) }));
  const va = verbs(ta, lc.link.a);
  const vb = verbs(tb, lc.link.b);
  // A negated verb says what its antonym says ("have not managed to" / "have failed to"): not compared.
  const negated = (cs: typeof lc.a, v: { start: number }): boolean => cs.some((c) => c.negations.some((n) => n.end <= v.start && v.start - n.end <= 25));
  const la = new Set(va.map((v) => v.lemma));
  const lb = new Set(vb.map((v) => v.lemma));
  for (const x of va) {
    if (lb.has(x.lemma) || negated(lc.a, x)) continue;
    const y = vb.find((v) => !la.has(v.lemma) && !negated(lc.b, v) && (words.antonyms.get(x.lemma) ?? []).includes(v.lemma));
    if (!y) continue;
    return {
      locations: [loc(ta, { source: ctx.a.source.id, start: x.start, end: x.end }), loc(tb, { source: ctx.b.source.id, start: y.start, end: y.end })],
      context: contextOf(ctx, lc),
      vars: { a: x.text, b: y.text, classA: x.lemma, classB: y.lemma },
    };
  }
  return undefined;
}

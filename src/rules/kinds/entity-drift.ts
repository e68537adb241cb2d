import levenshtein from 'fast-levenshtein';
import type { EntityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind, SourceData } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { foldKey } from '../../lang/keys.js';
import { isEdit, lexiconOf } from '../compare/edits.js';
import { sameStem, shortFormOf } from '../compare/names.js';

interface Params {
  /** Longest edit distance between two tokens still read as one name misspelled. */
  maxDistance: number;
  /** Shortest token length considered (short tokens collide by chance). */
  minLength: number;
  /** Also report a name replaced by a different name in aligned sentences of one language. */
  substitutions: boolean;
  /**
   * A near-miss is reported when one of the two spellings is a name its article uses at least this often. A
   * one-off foreign name spelled two ways by two translators ("Artjom" / "Artem") is usually transliteration.
   */
  minOccurrences: number;
}

const SCRIPT_LATIN = /^[\p{Script=Latin}\p{N}\s.'’&-]+$/u;
const sameScript = (x: string, y: string): boolean => SCRIPT_LATIN.test(x) === SCRIPT_LATIN.test(y);

const tokenSets = new WeakMap<SourceData, Set<string>>();
/** The folded words of a version (built once per version, however many pairs it is in): is a name written there? */
function foldedTokens(src: SourceData): Set<string> {
  let set = tokenSets.get(src);
  if (!set) {
    set = new Set(foldKey(src.source.text).split(' '));
    tokenSets.set(src, set);
  }
  return set;
}

/** How often an article names something with this folded token. */
function countToken(src: SourceData, t: string): number {
  let n = 0;
  for (const c of src.claims) for (const e of c.entities) if (e.tokens.includes(t)) n++;
  return n;
}

/** Near-miss spellings (a name with a letter added, dropped or swapped) and, in one language, swapped names. */
export const entityDrift: RuleKind<Params> = {
  name: 'entity-drift',
  scope: 'pair',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      maxDistance: { type: 'integer', minimum: 1, maximum: 4 },
      minLength: { type: 'integer', minimum: 2 },
      substitutions: { type: 'boolean' },
      minOccurrences: { type: 'integer', minimum: 1 },
    },
    required: ['maxDistance', 'minLength', 'substitutions', 'minOccurrences'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    const tokA = foldedTokens(ctx.a);
    const tokB = foldedTokens(ctx.b);
    const keysA = new Set(ctx.a.claims.flatMap((c) => c.entities.map((e) => e.key)));
    const keysB = new Set(ctx.b.claims.flatMap((c) => c.entities.map((e) => e.key)));
    const seen = new Set<string>();
    const sameLang = ctx.a.source.lang === ctx.b.source.lang;
    // German writes "Irland" for "Ireland", Russian transliterates: between such a version and another, a
    // near-miss spelling is the language's form of the name, not a misspelling.
    if (!sameLang && (ctx.knowledge.pack(ctx.a.source.lang).adaptsForeignNames || ctx.knowledge.pack(ctx.b.source.lang).adaptsForeignNames)) return out;
    for (const lc of linkedClaims(ctx)) {
      // Near-identical sentences in one language are edits: a one-letter difference there is a spelling fix,
      // and a swapped name is the edit rules' business.
      if (sameLang && isEdit(ctx.a.source.text, lc.link.a, ctx.b.source.text, lc.link.b)) continue;
      const ea = lc.a.flatMap((c) => c.entities).filter((e) => !keysB.has(e.key));
      const eb = lc.b.flatMap((c) => c.entities).filter((e) => !keysA.has(e.key));
      const usedB = new Set<EntityMention>();
      for (const x of ea) {
        for (const tx of x.tokens) {
          if (tx.length < p.minLength || tokB.has(tx)) continue;
          for (const y of eb) {
            if (!sameScript(x.text, y.text) || usedB.has(y)) continue;
            const ty = y.tokens.find((t) => {
              if (t.length < p.minLength || tokA.has(t) || t === tx) return false;
              // "Emmys" / "Emmy", "Californian" / "California": inflection and derivation, not spelling.
              if (t.startsWith(tx) || tx.startsWith(t)) return false;
              const d = levenshtein.get(tx, t);
              return d <= Math.min(p.maxDistance, Math.floor(Math.max(tx.length, t.length) / 3));
            });
            if (!ty) continue;
            if (Math.max(countToken(ctx.a, tx), countToken(ctx.b, ty)) < p.minOccurrences) continue;
            const key = `${tx}|${ty}`;
            usedB.add(y);
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({
              locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
              context: contextOf(ctx, lc),
              vars: { a: x.text, b: y.text, how: 'spelled differently' },
            });
          }
        }
      }
      if (p.substitutions && sameLang && lc.link.score >= 0.6) {
        const firstWord = (e: EntityMention): boolean => lc.link.aSentences.concat(lc.link.bSentences)
          .some((id) => (ctx.a.sentenceById.get(id) ?? ctx.b.sentenceById.get(id))?.start === e.start);
        const restA = ea.filter((x) => !x.alias && !firstWord(x) && x.tokens.every((t) => !tokB.has(t)));
        const restB = eb.filter((y) => !usedB.has(y) && !y.alias && !firstWord(y) && y.tokens.every((t) => !tokA.has(t)));
        if (restA.length === 1 && restB.length === 1) {
          const skip = lexiconOf(ctx.knowledge.pack(ctx.a.source.lang)).notInInitials;
          const x = restA[0]!;
          const y = restB[0]!;
          const key = `${x.key}|${y.key}`;
          // "Hwy" / "Highway", "ODF" / "Oregon Department of Forestry": a short form of the other name.
          // ... or a derived form ("Australia" / "Australian", "Portugal" / "Portuguese").
          if (!seen.has(key) && !shortFormOf(x.key, y.key, skip) && !shortFormOf(y.key, x.key, skip) && !sameStem(x.key, y.key)) {
            seen.add(key);
            out.push({
              locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
              context: contextOf(ctx, lc),
              vars: { a: x.text, b: y.text, how: 'replaced by a different name' },
            });
          }
        }
      }
    }
    return out;
  },
};

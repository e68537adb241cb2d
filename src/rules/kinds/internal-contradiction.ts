import levenshtein from 'fast-levenshtein';
import type { EntityMention } from '../../model/mention.js';
import { isDictionaryWord } from '../../lang/dictionary.js';
import { escapeRe } from '../../lang/text.js';
import type { RawFinding, RuleKind } from '../types.js';
import { loc } from '../util.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  minLength: number;
  maxDistance: number;
}

/** What one name word is used with in an article. */
interface Usage {
  first: EntityMention;
  count: number;
  sentences: Set<string>;
  /** The other words of the names it stands in ("Sharon" of "Sharon Davis"). */
  companions: Set<string>;
  /**
   * Other words that open a sentence ("Later" of "Later Lindquist"), with their spelling: companions unless the
   * dictionary knows them as common words, asked only for a pair still in question (reading a dictionary is slow).
   */
  initialCompanions: Map<string, string>;
  /** Titles just before those names ("ms"). */
  titles: Set<string>;
  /** Every use starts a sentence: a capital there is no sign of a name ("Chief", "Residents"). */
  initialOnly: boolean;
}

/** Does the text hold the word as a whole word ("Davies", not inside "Davieson")? */
const writes = (text: string, word: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{M}])${escapeRe(word)}(?![\\p{L}\\p{M}])`, 'u').test(text);

/**
 * One article spelling one name two ways ("Hanwha" and "Hanwa"): two name tokens a short edit apart, neither
 * an inflection or derivation of the other (no shared stem of all but the last two letters).
 *
 * Two similar names are often two people or places ("Davis" and "Davies", "Jackson" and "Jackman"), so a pair is
 * reported only when it looks like one name misspelled: the two never stand in one sentence, one of them is a
 * one-off (a name the article uses again and again in both spellings is two names), and their context does not
 * set them apart: "Brent Montgomery" and "Brett Kavanaugh", or "Mr Holden" and "Ms Holder", are two people, while
 * "Ms Davis" and "Ms Davies", or a bare "Hanwa" after "Hanwha Ocean", are one. Two words of the language
 * ("Nghiêm" and "Nghiên", "Boots" and "Boats") are two words, and a common word capitalised only where it starts a
 * sentence ("Chief" beside the place "Chieu") is no name. A version whose original writes both spellings copied them: the
 * original's own check reports them. In a language that capitalises its nouns (German) a
 * capitalised word is no sign of a name, and nothing is compared.
 */
export const internalContradiction: RuleKind<Params> = {
  name: 'internal-contradiction',
  scope: 'source',
  vars: ['a', 'b'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { minLength: { description: 'Shortest word of a name compared (short words collide by chance).', type: 'integer', minimum: 3 }, maxDistance: { description: 'Longest edit distance between two spellings of a name still read as one name spelt two ways.', type: 'integer', minimum: 1, maximum: 3 } },
    required: ['minLength', 'maxDistance'],
  },
  checkSource(ctx, p) {
    const src = ctx.source;
    const pack = ctx.knowledge.pack(src.source.lang);
    // German capitalises its nouns, and writes compounds its dictionary does not list ("Leichtathletin"): a capital
    // is no sign of a name there, and the article is not compared with itself.
    if (pack.capitalisesNouns) return [];
    const titles = new Set((pack.titles ?? []).map((t) => t.toLowerCase().replace(/\.$/u, '')));
    const initials = new Set(src.sentences.map((s) => s.start + (/[\p{L}\p{N}]/u.exec(s.text)?.index ?? 0)));
    const text = src.source.text;
    const word = (w: string): boolean => isDictionaryWord(pack.dictionary, w) === true;
    const usage = new Map<string, Usage>();
    for (const c of src.claims) for (const e of c.entities) {
      if (e.alias) continue;
      // Each word of a name on its own: "Hanwha Ocean" and "Hanwa" share the company's name.
      const words = [...e.text.matchAll(/[^\s\u00a0]+/gu)];
      if (words.length !== e.tokens.length) continue;
      const title = /([\p{L}.]+)\s+$/u.exec(text.slice(Math.max(0, e.start - 30), e.start))?.[1]?.toLowerCase().replace(/\.$/u, '');
      e.tokens.forEach((t, k) => {
        if (t.length < p.minLength) return;
        const w = words[k]!;
        const start = e.start + (w.index ?? 0);
        let u = usage.get(t);
        if (!u) {
          u = { first: { ...e, start, end: start + w[0].length, text: w[0], tokens: [t], key: t }, count: 0, sentences: new Set(), companions: new Set(), initialCompanions: new Map(), titles: new Set(), initialOnly: true };
          usage.set(t, u);
        }
        u.count++;
        u.sentences.add(c.sentenceId);
        e.tokens.forEach((o, m) => {
          const wm = words[m]!;
          if (o === t) return;
          if (initials.has(e.start + (wm.index ?? 0))) u!.initialCompanions.set(o, wm[0].toLowerCase());
          else u!.companions.add(o);
        });
        if (title && titles.has(title)) u.titles.add(title);
        if (!initials.has(start)) u.initialOnly = false;
      });
    }
    // A common word run into the name ("Later Lindquist" at a sentence start) is no companion.
    const companionsOf = (u: Usage): Set<string> => {
      for (const [o, w] of u.initialCompanions) if (!word(w)) u.companions.add(o);
      u.initialCompanions.clear();
      return u.companions;
    };
    // A common word of the language, capitalised only where it starts a sentence, and on its own ("Chief"; not
    // "Kestrel Shipping").
    const common = (u: Usage): boolean => {
      const w = u.first.text.replace(/['’]s$/u, '');
      return u.initialOnly && companionsOf(u).size === 0 && (word(w.toLowerCase()) || titles.has(w.toLowerCase()));
    };
    const toks = [...usage.keys()].sort();
    const out: RawFinding[] = [];
    for (let i = 0; i < toks.length; i++) for (let j = i + 1; j < toks.length; j++) {
      const x = toks[i]!;
      const y = toks[j]!;
      if (Math.abs(x.length - y.length) > p.maxDistance) continue;
      // "Russia" / "Russian", "Emmy" / "Emmys": one is the other with an ending.
      if (x.startsWith(y) || y.startsWith(x)) continue;
      if (x[0] !== y[0]) continue;
      const ux = usage.get(x)!;
      const uy = usage.get(y)!;
      // Distance on the words as written: folding makes Vietnamese syllables ("Thống", "Thượng") one letter apart.
      const d = levenshtein.get(ux.first.text.normalize('NFC').toLowerCase(), uy.first.text.normalize('NFC').toLowerCase());
      if (d < 1 || d > p.maxDistance) continue;
      // Named side by side ("Jackson and Jackman"), or each named again and again: two names, not one misspelled.
      if ([...uy.sentences].some((s) => ux.sentences.has(s))) continue;
      if (Math.min(ux.count, uy.count) > 1) continue;
      // The original writes both spellings too: the version copied them, and the original's own check speaks for them.
      if (ctx.original && writes(ctx.original.source.text, ux.first.text) && writes(ctx.original.source.text, uy.first.text)) continue;
      // The dictionary last: it is read only for a pair still in question.
      if (common(ux) || common(uy)) continue;
      const lx = ux.first.text.toLowerCase();
      const ly = uy.first.text.toLowerCase();
      if (word(lx) && word(ly)) continue;
      // Each with its own first name, or its own title, none shared: two people ("Brent Montgomery", "Brett Kavanaugh").
      const apart = (s1: Set<string>, s2: Set<string>): boolean => s1.size > 0 && s2.size > 0 && ![...s1].some((w) => s2.has(w));
      if (apart(companionsOf(ux), companionsOf(uy)) || apart(ux.titles, uy.titles)) continue;
      const [a, b] = ux.first.start < uy.first.start ? [ux.first, uy.first] : [uy.first, ux.first];
      out.push({ locations: [loc(text, a), loc(text, b)], vars: { a: a.text, b: b.text } });
    }
    return out;
  },
};

import type { Claim } from '../../model/claim.js';
import type { QuantityMention } from '../../model/mention.js';
import { quantitiesAgree } from '../compare/agree.js';
import { diffRegions, lexiconOf, osaDistance, spellingVariant, tokens, type Lexicon, type Region, type Tok } from '../compare/edits.js';
import { isDictionaryWord, isKnownMisspelling } from '../../lang/dictionary.js';
import { originalOf } from '../compare/versions.js';
import type { Units } from '../../lang/units.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { lemmaOf, lexiconOf as wordListOf, synonymsOf, type Lexicon as WordList, type Synonyms } from '../../lang/lexicon.js';

/** What changed in an edit region between two near-identical sentences. */
export type ChangeType = 'negation' | 'number' | 'name' | 'substitution' | 'insertion' | 'deletion';
/**
 * A region that changes wording but is never reported on its own; it still counts against maxRegions. A month or
 * weekday name replaced by another ("Sunday" / "Monday") is a date, which the date rule reports.
 */
type RegionType = ChangeType | 'rephrase' | 'date';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  change: ChangeType;
  maxChangedShare: number;
  spellingDistance: number;
  maxRegions: number;
}

const isNumberTok = (t: Tok, c: Claim[]): boolean => /\p{N}/u.test(t.text) || c.some((cl) => cl.quantities.some((q) => q.start <= t.start && t.end <= q.end) || cl.dates.some((d) => d.start <= t.start && t.end <= d.end));
const isNameTok = (t: Tok, c: Claim[]): boolean => c.some((cl) => cl.entities.some((e) => e.start < t.end && t.start < e.end));
const isNegTok = (t: Tok, c: Claim[]): boolean => c.some((cl) => cl.negations.some((n) => n.start < t.end && t.start < n.end));

/**
 * A word replaced by its antonym ("won" / "lost", "more" / "less", "Final" / "Initial" at a sentence start, an article
 * aside: "an important" / "a trivial"), by the language's word list (WordNet for English).
 */
function antonymSwap(r: Region, words: WordList | undefined): boolean {
  if (!words || words.antonyms.size === 0 || r.a.length === 0 || r.b.length === 0 || r.a.length > 2 || r.b.length > 2) return false;
  const lemmas = (ts: Tok[]): string[] => ts.map((t) => lemmaOf(words, t.low)).filter((w) => words.antonyms.has(w));
  const lb = new Set(lemmas(r.b));
  return lemmas(r.a).some((x) => words.antonyms.get(x)!.some((y) => lb.has(y)));
}

/** What tells a name from a common word in the sentences of one link. */
export interface NameSense {
  /** Starts of the first word of each sentence: a capital there is no sign of a name. */
  initials: Set<number>;
  /** The language writes its nouns with a capital (German): only a word its dictionary lacks is a name. */
  capitalisesNouns: boolean;
  /** The pack's spelling dictionary package. */
  dictionary?: string;
  /** The pack's list of common misspellings. */
  misspellings?: string;
}

const CAPITAL = /^\p{Lu}/u;
/** Letters only, lower case, without diacritics or a possessive ending: "Trump's" and "Trump" spell one name. */
const bare = (t: string): string => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]s$/u, '').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Is a word spelt two ways, as written in two versions, a name (or a word of one: "Court", "Senate", "Friday")? A
 * capitalised word inside a sentence is one, except in a language that capitalises its nouns, where the dictionary
 * must know neither spelling ("Präsident" / "Präsidant" is a noun misspelt). A sentence's first word is one when
 * the entity extractor read a name there and the dictionary knows neither spelling as a common word ("Since" /
 * "Sicne", "Hydrogen" / "Hydogen" are words misspelt).
 */
export function isProperWord(ta: Tok, ca: Claim[], tb: Tok, cb: Claim[], sense: NameSense): boolean {
  if (!CAPITAL.test(ta.text) || !CAPITAL.test(tb.text)) return false;
  const wa = ta.text.replace(/['’]s$/u, '');
  const wb = tb.text.replace(/['’]s$/u, '');
  const word = (w: string): boolean => isDictionaryWord(sense.dictionary, w) === true;
  if (sense.capitalisesNouns && (word(wa) || word(wb))) return false;
  if (!sense.initials.has(ta.start) && !sense.initials.has(tb.start)) return true;
  if (!isNameTok(ta, ca) && !isNameTok(tb, cb)) return false;
  return !word(wa.toLowerCase()) && !word(wb.toLowerCase());
}

/**
 * One name spelt differently, letter for letter ("Whitfield" / "Whitfeld", "Tremont" / "Tramont"): a region of
 * one token on each side, a name on either side, a short edit apart, and not an ending added ("Emmy" / "Emmys").
 */
function misspeltName(r: Region, ca: Claim[], cb: Claim[], sense: NameSense): boolean {
  if (r.a.length !== 1 || r.b.length !== 1) return false;
  const ta = r.a[0]!;
  const tb = r.b[0]!;
  const x = bare(ta.text);
  const y = bare(tb.text);
  if (x === y || x.length < 3 || y.length < 3 || /\p{N}/u.test(x + y)) return false;
  if (x.startsWith(y) || y.startsWith(x)) return false;
  if (osaDistance(x, y) > Math.min(2, Math.floor(Math.max(x.length, y.length) / 3))) return false;
  // A typing slip people often make in that very word ("Amercia" for "America") is a spelling checker's business;
  // a letter that makes another name ("Tramp", "Senute") is not one of those.
  const w = (t: Tok): string => t.text.replace(/['’]s$/u, '');
  if (isKnownMisspelling(sense.misspellings, w(tb), w(ta)) || isKnownMisspelling(sense.misspellings, w(ta), w(tb))) return false;
  return isProperWord(ta, ca, tb, cb, sense);
}

/**
 * A word for a word, each the first of its sentence and each a common word of the dictionary ("Just before" /
 * "Right before", "Wolf children" / "Feral children"): capitals of position, not names, whatever the extractor read.
 */
function commonWordsAtStart(r: Region, sense: NameSense): boolean {
  if (r.a.length !== 1 || r.b.length !== 1) return false;
  const [ta, tb] = [r.a[0]!, r.b[0]!];
  if (!sense.initials.has(ta.start) || !sense.initials.has(tb.start)) return false;
  return [ta, tb].every((t) => isDictionaryWord(sense.dictionary, t.low) === true);
}

/** Classifies one region: the most telling change wins (a dropped "not" is a negation, not a deletion). */
function classify(r: Region, ca: Claim[], cb: Claim[], spelling: number, lx: Lexicon, sense: NameSense, units: Units, words?: WordList, synonyms?: () => Synonyms): RegionType | undefined {
  const negA = r.a.some((t) => isNegTok(t, ca));
  if (negA !== r.b.some((t) => isNegTok(t, cb))) {
    // "not correct" / "incorrect", "did not pay" / "failed to pay": the side without a negator has a word that
    // negates by meaning (the language's word list), so both sides deny.
    const negates = (ts: Tok[]): boolean => ts.some((t) => words?.negatives.has(t.low) === true);
    const [plain, other] = negA ? [r.b, r.a] : [r.a, r.b];
    return negates(plain) && !negates(other) ? 'rephrase' : 'negation';
  }
  // A name is not a word to forgive a typo in: "Tramp" is someone else, "Senute" no senate a reader can look up.
  if (misspeltName(r, ca, cb, sense)) return 'name';
  if (antonymSwap(r, words)) return 'substitution';
  const x = r.a.map((t) => t.low).join(' ');
  const y = r.b.map((t) => t.low).join(' ');
  // A misspelling, an inflection ("develop" / "developed") or an abbreviation ("St" / "Saint") changes nothing.
  if (r.a.length > 0 && r.b.length > 0 && !/\p{N}/u.test(x + y) && spellingVariant(x, y, spelling, lx)) return undefined;
  const numA = r.a.filter((t) => isNumberTok(t, ca));
  const numB = r.b.filter((t) => isNumberTok(t, cb));
  const dateWord = (t: Tok, c: Claim[]): boolean => !/\p{N}/u.test(t.text) && c.some((cl) => cl.dates.some((d) => d.start <= t.start && t.end <= d.end));
  if (numA.length > 0 && numB.length > 0 && r.a.every((t) => dateWord(t, ca)) && r.b.every((t) => dateWord(t, cb))) return 'date';
  if (numA.length > 0 || numB.length > 0) {
    if (numA.length > 0 && numB.length > 0) {
      // "over" / "more than", "50 thousand" / "50,000": the figures the region touches still agree.
      const touch = (cs: Claim[], toks: Tok[]): QuantityMention[] => cs.flatMap((c) => c.quantities).filter((q) => toks.some((t) => q.start < t.end && t.start < q.end));
      const qa = touch(ca, r.a);
      const qb = touch(cb, r.b);
      const agrees = (x: QuantityMention, ys: QuantityMention[]): boolean => ys.some((y) => quantitiesAgree(x, y, { units }) === 'same' && x.value === y.value && x.valueMax === y.valueMax);
      if (qa.length > 0 && qb.length > 0 && qa.every((q) => agrees(q, qb)) && qb.every((q) => agrees(q, qa))) return 'rephrase';
      return 'number';
    }
    return r.a.length && r.b.length ? 'rephrase' : numA.length > 0 ? 'deletion' : 'insertion';
  }
  const nameA = r.a.filter((t) => isNameTok(t, ca));
  const nameB = r.b.filter((t) => isNameTok(t, cb));
  if (nameA.length > 0 && nameB.length > 0 && !commonWordsAtStart(r, sense)) return 'name';
  // One word for one word: a rephrased clause ("had defected" / "fled") is a paraphrase, not an edit, and so is a
  // word replaced by a synonym ("largest" / "biggest", "showing" / "depicting").
  if (r.a.length === 1 && r.b.length === 1) return lx.light.has(x) || lx.light.has(y) || synonyms?.().same(x, y) ? 'rephrase' : 'substitution';
  if (r.a.length > 0 && r.b.length > 0) return 'rephrase';
  if (nameA.length > 0) return 'deletion';
  if (nameB.length > 0) return 'insertion';
  return r.a.length > 0 ? 'deletion' : 'insertion';
}

/**
 * Edits between two versions in one language: when aligned sentences are nearly identical, each region where
 * they differ is a deliberate change, classified as negation, number, name, word substitution, insertion or
 * deletion. This is the view of an editor comparing a draft with a revision, or a segment with its
 * post-edited version.
 */
export const editDiff: RuleKind<Params> = {
  name: 'edit-diff',
  scope: 'pair',
  vars: ['a', 'b'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      change: { description: 'Which change this rule reports.', enum: ['negation', 'number', 'name', 'substitution', 'insertion', 'deletion'] },
      maxChangedShare: { description: 'Largest share of tokens that may differ: above it the sentences are rewrites, not edits.', type: 'number', minimum: 0, maximum: 1 },
      spellingDistance: { description: 'Substituted words this close (edit distance) are spelling variants, not changes of meaning.', type: 'integer', minimum: 0 },
      maxRegions: { description: 'Most regions of real change the sentence pair may have for this rule to speak: a single changed word in an otherwise identical sentence is an edit; several are a paraphrase, where a synonym is not a change of fact.', type: 'integer', minimum: 1 },
    },
    required: ['change', 'maxChangedShare', 'spellingDistance', 'maxRegions'],
  },
  checkPair(ctx, p) {
    if (ctx.a.source.lang !== ctx.b.source.lang) return [];
    const out: RawFinding[] = [];
    const pack = ctx.knowledge.pack(ctx.a.source.lang);
    const lx = lexiconOf(pack);
    const words = wordListOf(pack);
    const articles = new Set((pack.articleForms ?? []).map((w) => w.toLowerCase()));
    // The pack's possessive endings ("'s"), and what a tokenizer keeps of one left alone ("s").
    const possessives = pack.possessiveEndings.map((e) => e.toLowerCase().replace(/’/gu, "'"));
    const synonyms = (): Synonyms => synonymsOf(pack);
    const units = ctx.knowledge.units();
    for (const lc of linkedClaims(ctx)) {
      const ta = tokens(ctx.a.source.text, lc.link.a.start, lc.link.a.end);
      const tb = tokens(ctx.b.source.text, lc.link.b.start, lc.link.b.end);
      if (ta.length === 0 || tb.length === 0) continue;
      const sense: NameSense = {
        initials: new Set([...sentenceInitials(ctx.a.source.text, lc.link.aSentences.map((id) => ctx.a.sentenceById.get(id)!)), ...sentenceInitials(ctx.b.source.text, lc.link.bSentences.map((id) => ctx.b.sentenceById.get(id)!))]),
        capitalisesNouns: pack.capitalisesNouns ?? false,
        ...(pack.dictionary ? { dictionary: pack.dictionary } : {}),
        ...(pack.misspellings ? { misspellings: pack.misspellings } : {}),
      };
      // Orient the diff from the original to the derived version, so an insertion is what the derived one added.
      const [orig] = originalOf(ctx);
      const flip = orig === ctx.b;
      // One place changed may hold several changes, one per phrase ("Ruiz, 52" / "Diaz, 53"): each is reported, and
      // the sentence still counts as changed in one place (`place`).
      const placed = diffRegions(ta, tb).flatMap((r, place) => atPunctuation(r, ctx.a.source.text, ctx.b.source.text).map((part) => ({ part, place })));
      const regions = placed.map((x) => x.part);
      const changed = regions.reduce((s, r) => s + Math.max(r.a.length, r.b.length), 0);
      // Short sentences may change a few words and still be one edit ("recommended" / "did not recommend"); so is a
      // sentence whose one change is words left out or put in ("The US Corps of Engineers estimated" / "Estimated").
      const cut = regions.length === 1 && (regions[0]!.a.length === 0 || regions[0]!.b.length === 0);
      // A name put for a name, however long either is ("Catri" / "The Xinjiang … Federation of Trade Unions").
      const named = (toks: Tok[], c: Claim[]): boolean => toks.some((t) => isNameTok(t, c)) && toks.every((t) => isNameTok(t, c) || lx.light.has(t.low));
      const swap = regions.length === 1 && named(regions[0]!.a, lc.a) && named(regions[0]!.b, lc.b);
      if (changed === 0) continue;
      const rewritten = !cut && !swap && changed > 3 && changed / Math.max(ta.length, tb.length) > p.maxChangedShare;
      // (A rewritten sentence is read further only if each change is a few words that put in or take out a negator:
      // "took" / "did not take".)
      const negatorEdit = (r: Region): boolean => Math.max(r.a.length, r.b.length) <= NEGATOR_EDIT && r.a.some((t) => isNegTok(t, lc.a)) !== r.b.some((t) => isNegTok(t, lc.b));
      if (rewritten && !regions.every(negatorEdit)) continue;
      // "an important" / "a trivial": the article follows the word after it; the change is that word.
      const unarticled = (r: Region): Region => (r.a.length > 1 && r.b.length > 1 && articles.has(r.a[0]!.low) && articles.has(r.b[0]!.low) ? { a: r.a.slice(1), b: r.b.slice(1) } : r);
      // "Florida's daily toll" / "'s daily toll": the name left out, its possessive ending left behind.
      const clitic = (r: Region): Region => {
        const left = (whole: Tok[], rest: Tok[]): boolean => rest.length === 1 && whole.length > 0
          && possessives.some((e) => whole[whole.length - 1]!.low.endsWith(e) && rest[0]!.low === e.replace(/^\P{L}+/u, ''));
        if (left(r.a, r.b)) return { a: r.a, b: [] };
        if (left(r.b, r.a)) return { a: [], b: r.b };
        return r;
      };
      const typed = placed
        .map(({ part, place }) => ({ part: clitic(unarticled(part)), place }))
        .map(({ part: r, place }) => ({ r, place, type: flip ? classify({ a: r.b, b: r.a }, lc.b, lc.a, p.spellingDistance, lx, sense, units, words, synonyms) : classify(r, lc.a, lc.b, p.spellingDistance, lx, sense, units, words, synonyms) }))
        .filter((x) => x.type !== undefined && !((x.type === 'insertion' || x.type === 'deletion') && [...x.r.a, ...x.r.b].every((t) => lx.functionWords.has(t.low))));
      // A sentence changed in many places, or in much of it, is rewritten, unless every change is a negator put in or
      // taken out: that is the same sentence negated clause by clause.
      const negatedOnly = typed.length > 0 && typed.every((x) => x.type === 'negation' && negatorEdit(x.r));
      if (typed.length === 0 || ((rewritten || new Set(typed.map((x) => x.place)).size > p.maxRegions) && !negatedOnly)) continue;
      for (const { r, type } of typed) {
        if (type !== p.change) continue;
        // Where a side has no tokens in the region, point at the whole sentence there.
        const spanOf = (toks: Tok[], whole: { source: string; start: number; end: number }) =>
          toks.length ? { source: whole.source, start: toks[0]!.start, end: toks[toks.length - 1]!.end } : whole;
        const sa = spanOf(r.a, lc.link.a);
        const sb = spanOf(r.b, lc.link.b);
        out.push({
          locations: [loc(ctx.a.source.text, sa), loc(ctx.b.source.text, sb)],
          context: contextOf(ctx, lc),
          // The message reads from the original to the derived version ("{a}" became "{b}"), whichever side of the
          // pair the original is; the locations keep the pair's order, so fingerprints do not depend on it.
          vars: flip
            ? { a: r.b.map((t) => t.text).join(' ') || '(nothing)', b: r.a.map((t) => t.text).join(' ') || '(nothing)' }
            : { a: r.a.map((t) => t.text).join(' ') || '(nothing)', b: r.b.map((t) => t.text).join(' ') || '(nothing)' },
        });
      }
    }
    return out;
  },
};

/** The most words a change that only negates takes on either side ("took" / "did not take", "has" / "hasn't"). */
const NEGATOR_EDIT = 3;

/** Punctuation between two words: where one phrase of a sentence ends and the next starts ("Ruiz, 52"). */
const PHRASE_BREAK = /[,;:()\[\]"“”«»„–—]/u;

/** A region's tokens in runs that no punctuation between two of them breaks. */
function phrases(toks: Tok[], text: string): Tok[][] {
  const out: Tok[][] = [];
  toks.forEach((t, k) => {
    if (k > 0 && !PHRASE_BREAK.test(text.slice(toks[k - 1]!.end, t.start))) out[out.length - 1]!.push(t);
    else out.push([t]);
  });
  return out;
}

/**
 * A region of change that spans phrases on both sides alike ("Ruiz, 52" / "Diaz, 53": a name and an age) is as many
 * changes, one per phrase, each classified on its own; otherwise it stays one.
 */
function atPunctuation(r: Region, textA: string, textB: string): Region[] {
  const pa = phrases(r.a, textA);
  const pb = phrases(r.b, textB);
  if (pa.length < 2 || pa.length !== pb.length) return [r];
  return pa.map((a, k) => ({ a, b: pb[k]! }));
}

/** Where each sentence's first word starts (after any opening quote or bracket). */
export function sentenceInitials(text: string, sentences: { start: number; end: number }[]): number[] {
  return sentences.filter(Boolean).flatMap((s) => tokens(text, s.start, s.end).slice(0, 1).map((t) => t.start));
}

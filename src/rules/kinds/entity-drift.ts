import levenshtein from 'fast-levenshtein';
import type { EntityMention } from '../../model/mention.js';
import type { PairContext, RawFinding, RuleKind, SourceData } from '../types.js';
import { contextOf, linkedClaims, loc, nameWords, type LinkedClaims, type NameWord } from '../util.js';
import { entityKey, foldKey, nameInflection, nameSkeleton, nameSpelling, regionKeys, soundKey } from '../../lang/keys.js';
import type { LangPack } from '../../lang/pack.js';
import { isDictionaryWord } from '../../lang/dictionary.js';
import { originalOf } from '../compare/versions.js';
import { isEdit, lexiconOf } from '../compare/edits.js';
import { sameStem, shortFormOf } from '../compare/names.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  maxDistance: number;
  minLength: number;
  substitutions: boolean;
  minOccurrences: number;
  minOccurrencesSameLanguage: number;
  mode?: 'compare' | 'dictionary';
}

const SCRIPT_LATIN = /^[\p{Script=Latin}\p{N}\s.'’&-]+$/u;
const sameScript = (x: string, y: string): boolean => SCRIPT_LATIN.test(x) === SCRIPT_LATIN.test(y);

/** One version's names, word by word, and its words: built once per version, however many pairs it is in. */
interface VersionIndex {
  /** Folded (and, for Cyrillic, stemmed) keys of every word of the version. */
  words: Set<string>;
  /** Folded keys of the words of each sentence. */
  sentenceWords: Map<string, Set<string>>;
  /** How often each name word is used. */
  nameCount: Map<string, number>;
}

const indexes = new WeakMap<SourceData, VersionIndex>();
function versionIndex(src: SourceData, pack: LangPack): VersionIndex {
  let ix = indexes.get(src);
  if (!ix) {
    const words = new Set<string>();
    const sentenceWords = new Map<string, Set<string>>();
    const inflection = nameInflection(pack);
    for (const s of src.sentences) {
      // The sentence folded once (transliteration is the costly part): its words as keyed, then unstemmed too
      // (a Latin name inside Cyrillic text keeps its letters).
      const folded = foldKey(s.text).split(' ').filter(Boolean);
      const set = new Set(entityKey(s.text, inflection, folded).tokens);
      for (const t of folded) set.add(t);
      sentenceWords.set(s.id, set);
      for (const t of set) words.add(t);
    }
    const nameCount = new Map<string, number>();
    for (const c of src.claims) for (const e of c.entities) for (const w of nameWords(e)) nameCount.set(w.key, (nameCount.get(w.key) ?? 0) + 1);
    ix = { words, sentenceWords, nameCount };
    indexes.set(src, ix);
  }
  return ix;
}

const wordsOf = (ix: VersionIndex, ids: string[]): Set<string> => new Set(ids.flatMap((id) => [...(ix.sentenceWords.get(id) ?? [])]));

/** A word of a name long enough to compare, with no figure in it ("Covid-19" / "Covid-22" is a number changed). */
const nameLike = (w: NameWord, minLength: number): boolean => w.key.length >= minLength && /^[a-z]+$/.test(w.key);

/**
 * Two keys a short edit apart, neither the other with an ending ("Emmys" / "Emmy", "Californian" / "California"),
 * nor both one stem with endings of their languages (German "Europas" / "Europäer").
 */
function near(x: string, y: string, maxDistance: number, endingsX: string[] = [], endingsY: string[] = []): boolean {
  if (x === y || x.startsWith(y) || y.startsWith(x)) return false;
  if (levenshtein.get(x, y) > Math.min(maxDistance, Math.floor(Math.max(x.length, y.length) / 3))) return false;
  const sx = stems(x, endingsX);
  return !stems(y, endingsY).some((t) => sx.includes(t));
}

/** A key and what is left of it without each ending it has (stems of at least four letters). */
export function stems(key: string, endings: string[]): string[] {
  return [key, ...endings.filter((e) => key.endsWith(e) && key.length - e.length >= 4).map((e) => key.slice(0, -e.length))];
}

/**
 * Does the language of `pack` write `foreign` as `native` by its own rules for foreign names (German "Medwedew" for
 * "Medvedev", "Dschibuti" for "Djibouti")? Each pair of `nameRespellings` is tried on every position.
 */
export function respelled(rules: [string, string][], foreign: string, native: string): boolean {
  if (rules.length === 0) return false;
  const norm = (s: string): string => rules.reduce((t, [f, n]) => t.split(n).join(f), s);
  return norm(native) === norm(foreign) || norm(native) === foreign;
}

/**
 * Names spelt differently in aligned sentences of two versions. Two ways to tell a misspelling from the language's
 * own form of a name:
 *
 * - directly, in one script: a name of one sentence and a name of the other a short edit apart, the second spelling
 *   not used in the first version at all ("Whitfield" / "Whitfeld"). Between a language that adapts foreign names
 *   (German "Irland", "Präsident") and another, the derived spelling must also be no word of its language and no
 *   respelling its rules make, unless the version writes the name as the other does elsewhere ("Holt" there, "Halt"
 *   here);
 * - from the version's own usage, in any script: where the other version names the same person in two sentences,
 *   this version writes it "Трамп" in one and "Тремп" in the other. The name mapping is learned from the pair's
 *   aligned sentences, so a transliteration or an inflection is never compared with the original's letters.
 */
export const entityDrift: RuleKind<Params> = {
  name: 'entity-drift',
  scope: 'pair',
  vars: ['a', 'b', 'how'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      maxDistance: { description: 'Longest edit distance between two tokens still read as one name misspelled.', type: 'integer', minimum: 1, maximum: 4 },
      minLength: { description: 'Shortest token length considered (short tokens collide by chance).', type: 'integer', minimum: 2 },
      substitutions: { description: 'Also report a name replaced by a different name in aligned sentences of one language.', type: 'boolean' },
      minOccurrences: { description: 'A near-miss is reported when one of the two spellings is a name its article uses at least this often. A one-off foreign name spelled two ways by two translators ("Artjom" / "Artem") is usually transliteration.', type: 'integer', minimum: 1 },
      minOccurrencesSameLanguage: { description: 'The same, between two versions in one language that are not edits of each other (two writers\' renderings).', type: 'integer', minimum: 1 },
      mode: { description: '"compare" (default): names of the two versions against each other; "dictionary": a word of a name in the derived version that is no word of its language, one letter from one, and renders no name of the original.', enum: ['compare', 'dictionary'] },
    },
    required: ['maxDistance', 'minLength', 'substitutions', 'minOccurrences', 'minOccurrencesSameLanguage'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    const packA = ctx.knowledge.pack(ctx.a.source.lang);
    const packB = ctx.knowledge.pack(ctx.b.source.lang);
    const ixA = versionIndex(ctx.a, packA);
    const ixB = versionIndex(ctx.b, packB);
    const tokA = ixA.words;
    const tokB = ixB.words;
    const keysA = new Set(ctx.a.claims.flatMap((c) => c.entities.map((e) => e.key)));
    const keysB = new Set(ctx.b.claims.flatMap((c) => c.entities.map((e) => e.key)));
    const seen = new Set<string>();
    const sameLang = ctx.a.source.lang === ctx.b.source.lang;
    // German writes "Irland" for "Ireland" and "Präsident" for "President": a near miss there may be the language's form.
    const endA = packA.nameEndings ?? [];
    const endB = packB.nameEndings ?? [];
    const adaptsA = !sameLang && (packA.adaptsForeignNames === true || packA.capitalisesNouns === true);
    const adaptsB = !sameLang && (packB.adaptsForeignNames === true || packB.capitalisesNouns === true);
    // Only the derived version translates: the original's "Trump" is no English word put for a name.
    const derivedSide = originalOf(ctx)[1] === ctx.b ? 'b' : 'a';
    const links: Link[] = linkedClaims(ctx).map((lc) => ({
      lc,
      na: lc.a.flatMap((c) => c.entities).flatMap(nameWords).filter((w) => nameLike(w, p.minLength)),
      nb: lc.b.flatMap((c) => c.entities).flatMap(nameWords).filter((w) => nameLike(w, p.minLength)),
      wa: wordsOf(ixA, lc.link.aSentences),
      wb: wordsOf(ixB, lc.link.bSentences),
      edit: sameLang && isEdit(ctx.a.source.text, lc.link.a, ctx.b.source.text, lc.link.b),
    }));
    const report = (lc: LinkedClaims, x: NameWord, y: NameWord, also?: NameWord): void => {
      const key = `${x.key}|${y.key}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({
        locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y), ...(also ? [loc(also.side === 'a' ? ctx.a.source.text : ctx.b.source.text, also)] : [])],
        context: contextOf(ctx, lc),
        vars: { a: x.text, b: y.text, how: also ? `spelled differently (as "${also.text}" elsewhere in that version)` : 'spelled differently' },
      });
    };
    // A derived spelling is the language's form of the name, not a misspelling of it (German "Präsident", "Medwedew").
    // A word of the language is a translation ("Energie" for "Energy", Russian "Трек" for "Track"), even where the
    // version keeps the foreign word in another name; a respelling is its form of a name, unless the version writes
    // the name as the other version does elsewhere.
    const adapted = (x: NameWord, y: NameWord, side: 'a' | 'b'): boolean => {
      if (sameLang) return false;
      const [adapts, pack, ix] = side === 'b' ? [adaptsB, packB, ixB] : [adaptsA, packA, ixA];
      if (side === derivedSide && isDictionaryWord(pack.dictionary, y.text) === true) return true;
      return adapts && !ix.words.has(x.key) && respelled(pack.nameRespellings ?? [], x.key, y.key);
    };

    // Where the derived version writes the name as the original does, outside this link: the evidence of its own usage.
    const elsewhereB = (key: string, lc: LinkedClaims): NameWord | undefined => {
      const here = new Set(lc.link.bSentences);
      for (const c of ctx.b.claims) {
        if (here.has(c.sentenceId)) continue;
        for (const e of c.entities) for (const w of nameWords(e)) if (w.key === key) return { ...w, side: 'b' };
      }
      return undefined;
    };

    if (p.mode === 'dictionary') return misspeltWords(ctx, links.filter((l) => !l.edit), derivedSide, p.minLength);

    // 1. Directly, in one script.
    for (const { lc, na, nb, wa, wb, edit } of links) {
      // Near-identical sentences in one language are edits: edited-name reports a name spelt differently there, and
      // supersedes this rule on the same spans; this rule still speaks where the sentence changed in more than one
      // place (the name and a modal), which edited-name leaves alone.
      const usedB = new Set<NameWord>();
      for (const x of na) {
        // Written here too, as often as there: rendered. Fewer times ("The Elvie pump … (Elvie)" / "Die Pumpe von
        // Elvee … (Elvie)"): one of them may be misspelt, if it is a name and no common word ("League" in "Premier
        // League … League" is a word a writer may misspell).
        if (wb.has(x.key)) {
          const here = nb.filter((w) => w.key === x.key).length;
          if (here === 0 || here >= na.filter((w) => w.key === x.key).length || commonWord(packA, x.text)) continue;
        }
        for (const y of nb) {
          if (usedB.has(y) || wa.has(y.key) || !sameScript(x.text, y.text) || !near(x.key, y.key, p.maxDistance, endA, endB)) continue;
          // A place the gazetteer or ICU knows is spelt right ("Argentina" for the original's "Argentine").
          if (y.mention.alias || regionKeys(ctx.b.source.lang, nameInflection(packB)).has(y.key)) continue;
          // The original uses this spelling too: another name ("Davis" and "Davies").
          if (tokA.has(y.key)) continue;
          if (adapted(x, y, 'b') || adapted(y, x, 'a')) continue;
          // A one-off name spelled two ways may be two renderings of a third spelling ("Artjom" / "Artem"): unless the
          // version writes the original's spelling elsewhere, one of the spellings must be used this often.
          // Two versions in one language that are not edits of each other are two writers' renderings ("Mohammed" /
          // "Muhammad"): there a name must recur too.
          const minOccurrences = sameLang ? p.minOccurrencesSameLanguage : p.minOccurrences;
          if (!tokB.has(x.key) && Math.max(ixA.nameCount.get(x.key) ?? 0, ixB.nameCount.get(y.key) ?? 0) < minOccurrences) continue;
          usedB.add(y);
          report(lc, x, y, tokB.has(x.key) ? elsewhereB(x.key, lc) : undefined);
        }
      }
    }

    // 2. From the version's own usage: x is written z in another aligned sentence and y, a short edit from z, here.
    const linksOfB = new Map<string, number[]>();
    links.forEach((l, i) => { for (const w of l.nb) (linksOfB.get(w.key) ?? linksOfB.set(w.key, []).get(w.key)!).push(i); });
    links.forEach((l, i) => {
      if (l.edit) return;
      for (const y of l.nb) {
        // The original's sentence has this spelling (in this script: "Трумпа" folds to the original's "trump").
        if (l.na.some((x) => sameScript(x.text, y.text)) && l.wa.has(y.key)) continue;
        for (const [zKey, zLinks] of linksOfB) {
          if (l.wb.has(zKey) || !near(y.key, zKey, p.maxDistance, endB, endB)) continue;
          const cy = ixB.nameCount.get(y.key) ?? 0;
          const cz = ixB.nameCount.get(zKey) ?? 0;
          if (cy > cz) continue;
          for (const j of zLinks) {
            if (j === i) continue;
            const z = links[j]!.nb.find((w) => w.key === zKey)!;
            // One name misspelt keeps its first letter ("Тремп" / "Трамп"; not "Ираке" / "Трака").
            if (!sameScript(y.text, z.text) || y.key[0] !== z.key[0]) continue;
            // The name of the other version that both sentences carry, rendered z there and y here.
            const x = l.na.find((w) => links[j]!.na.some((v) => v.key === w.key) && !links[j]!.wb.has(y.key) && counterpart(w, z));
            // Across scripts, y must render x too: a vowel changed keeps the consonants ("Trump" / "Тремп": t-r-m-p).
            if (!x || (!sameScript(x.text, y.text) && skeletonDistance(x, y) > 1)) continue;
            // The original's own spelling kept there (a slogan, "Make-America-Great-Again-Kappe"), and here the
            // language's respelling of it ("Amerika"): its form of the name, not a misspelling.
            if (adaptsB && z.key === x.key && respelled(packB.nameRespellings ?? [], x.key, y.key)) continue;
            // Two spellings used as often: the one nearer the original's is right; else reading order decides.
            if (cy === cz) {
              const dy = levenshtein.get(x.key, y.key);
              const dz = levenshtein.get(x.key, z.key);
              if (dy < dz || (dy === dz && y.start < z.start)) continue;
            }
            report(l.lc, x, y, { ...z, side: 'b' });
            break;
          }
        }
      }
    });

    // 3. Across scripts, by the rendering's vowels: the consonants of "Ivanov" kept in "Ивунов", the vowel changed to
    // one the language never writes for the original's ("a" as "у"). The table is the other script's pack's.
    if (!sameLang) {
      for (const { lc, na, nb, edit } of links) {
        if (edit) continue;
        for (const [xs, ys, pack] of [[na, nb, packB], [nb, na, packA]] as const) {
          const vowels = pack.foreignVowels;
          if (!vowels) continue;
          const lang = pack === packB ? ctx.b.source.lang : ctx.a.source.lang;
          for (const y of ys) {
            if (SCRIPT_LATIN.test(y.text) || y.mention.alias || regionKeys(lang, nameInflection(pack)).has(y.key)) continue;
            // A word of the language is a translation ("Лиги" for "League"), not a rendering.
            if (isDictionaryWord(pack.dictionary, y.text) === true) continue;
            // The same consonants ("Cecil" / "Сесил" by sound), or one changed in a long name ("Richter" / "Рихтер": r-kh-t-r, r-h-t-r).
            const latin = xs.filter((x) => SCRIPT_LATIN.test(x.text) && (skeletonDistance(x, y) === 0 || soundKey(x.key) === soundKey(y.key)
              || (skeletonDistance(x, y) === 1 && nameSkeleton(x.key).length >= 4)));
            const verdicts = latin.map((x) => renders(x, y, vowels));
            // Rendered right by one name of the other sentence, or comparable with none: nothing to say.
            if (verdicts.includes(true) || !verdicts.includes(false)) continue;
            const x = latin[verdicts.indexOf(false)]!;
            const [a, b] = pack === packB ? [x, y] : [y, x];
            report(lc, a, b);
          }
        }
      }
    }

    for (const { lc, na, nb, edit } of links) {
      if (edit || !(p.substitutions && sameLang && lc.link.score >= 0.6)) continue;
      const ea = [...new Set(na.map((w) => w.mention))].filter((e) => !keysB.has(e.key));
      const eb = [...new Set(nb.map((w) => w.mention))].filter((e) => !keysA.has(e.key));
      const firstWord = (e: EntityMention): boolean => lc.link.aSentences.concat(lc.link.bSentences)
        .some((id) => (ctx.a.sentenceById.get(id) ?? ctx.b.sentenceById.get(id))?.start === e.start);
      // A hyphenated compound ("Blue-Black-Stripes" for a club's nickname, "Kim-Trump summit") is read word by word
      // for spellings, not as a name another one replaced.
      const compound = (e: EntityMention): boolean => /\p{L}[\-\u2010\u2011]\p{L}/u.test(e.text);
      const restA = ea.filter((x) => !firstWord(x) && !compound(x) && x.tokens.every((t) => !tokB.has(t)));
      const restB = eb.filter((y) => !firstWord(y) && !compound(y) && y.tokens.every((t) => !tokA.has(t)) && !out.some((f) => f.locations[1]!.start >= y.start && f.locations[1]!.end <= y.end && f.locations[1]!.source === y.source));
      if (restA.length === 1 && restB.length === 1) {
        const x = restA[0]!;
        const y = restB[0]!;
        const key = `${x.key}|${y.key}`;
        // "Hwy" / "Highway", "ODF" / "Oregon Department of Forestry": a short form of the other name.
        // ... or a derived form ("Australia" / "Australian", "Portugal" / "Portuguese").
        const skip = lexiconOf(packA).notInInitials;
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
    return out;
  },
};

/** A word its language's dictionary knows in lower case: a common word, even where a name holds it ("League", "Blue"). */
const commonWord = (pack: LangPack, word: string): boolean => word.length > 0 && isDictionaryWord(pack.dictionary, word.toLowerCase()) === true;

interface Link { lc: LinkedClaims; na: NameWord[]; nb: NameWord[]; wa: Set<string>; wb: Set<string>; edit: boolean }

/**
 * A word of a name that the derived version misspells, where the other version is in another language and no
 * spelling of it can be compared: capitalised, not at the start of a sentence, no word of the version's language,
 * one letter from a word that is (Russian "Ассамблуе" for "Ассамблее", "Штуты" for "Штаты"), and no rendering of a
 * name of the original (a foreign name is no word of the language either, whatever its letters). Only long
 * words are read so: a short name is often one letter from some word by chance ("Флейк", Flake, from "Флейт").
 */
function misspeltWords(ctx: PairContext, links: Link[], derivedSide: 'a' | 'b', minLength: number): RawFinding[] {
  const [src, other] = derivedSide === 'b' ? [ctx.b, ctx.a] : [ctx.a, ctx.b];
  if (src.source.lang === other.source.lang) return [];
  const pack = ctx.knowledge.pack(src.source.lang);
  const alphabet = pack.alphabet;
  if (!pack.dictionary || !alphabet) return [];
  const initials = new Set(src.sentences.map((s) => s.start + (/[\p{L}\p{N}]/u.exec(s.text)?.index ?? 0)));
  // Every name of the original, not only the aligned sentence's: alignment may pair the sentence with its neighbour.
  const theirs = other.claims.flatMap((c) => c.entities).flatMap(nameWords).filter((w) => /^[a-z]+$/.test(w.key));
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    const mine = derivedSide === 'b' ? l.nb : l.na;
    for (const y of mine) {
      if (seen.has(y.text) || initials.has(y.start) || y.mention.alias || y.text.length < minLength) continue;
      const w = y.text.replace(/[-'’.].*$/u, '');
      if (!/^\p{Lu}\p{Ll}+$/u.test(w) || ![...w.toLowerCase()].every((c) => alphabet.includes(c))) continue;
      if (isDictionaryWord(pack.dictionary, w) !== false) continue;
      const fix = oneLetterFrom(w, alphabet, (c) => isDictionaryWord(pack.dictionary, c) === true);
      if (!fix) continue;
      // A rendering of a name of the original ("Флейк", Flake; "Макарони", Macaroni) is no word of the language
      // whatever its letters, unless it changes the name's vowels and the word of the language renders the name as well
      // ("Фистиваль" / "Фестиваль", Festival).
      const fixed: NameWord = { ...y, text: fix, key: foldKey(fix) };
      const renderings = theirs.filter((x) => !sameScript(x.text, y.text) && skeletonDistance(x, y) <= 1);
      if (renderings.some((x) => sameVowels(x, y) || skeletonDistance(x, fixed) > skeletonDistance(x, y))) continue;
      seen.add(y.text);
      const lc = l.lc;
      const sentence = derivedSide === 'b' ? lc.link.a : lc.link.b;
      const [la, lb] = derivedSide === 'b'
        ? [loc(ctx.a.source.text, sentence), loc(ctx.b.source.text, y)]
        : [loc(ctx.a.source.text, y), loc(ctx.b.source.text, sentence)];
      out.push({ locations: derivedSide === 'b' ? [lb, la] : [la, lb], context: contextOf(ctx, lc), vars: { a: fix, b: w } });
    }
  }
  return out;
}

/** A word of the dictionary that `word` becomes with one letter replaced, keeping the capital. */
function oneLetterFrom(word: string, alphabet: string, known: (w: string) => boolean): string | undefined {
  const lower = word.toLowerCase();
  for (let i = 1; i < lower.length; i++) {
    for (const c of alphabet) {
      if (c === lower[i]) continue;
      const cand = word.slice(0, i) + c + word.slice(i + 1);
      if (known(cand)) return cand;
    }
  }
  return undefined;
}

/**
 * Is z (a name word of one version) the rendering of x (of the other)? The same letters or a short edit apart in one
 * script; across scripts, the same consonant skeleton ("Trump" / "Трамп" -> "trmp").
 */
function counterpart(x: NameWord, z: NameWord): boolean {
  if (x.key === z.key) return true;
  if (sameScript(x.text, z.text)) return levenshtein.get(x.key, z.key) <= 2;
  return skeletonDistance(x, z) <= 1;
}

/**
 * Does z, a name in another script, render x with vowels its language writes for x's? Both are read as runs of
 * vowels between consonant clusters ("ivanov": "i", "a", "o", ""), with the consonants of either one cluster
 * count; the runs before the last cluster are compared (the last may be a case ending: "Рихтера"). Where both runs
 * are one vowel (z's perhaps after a "y" glide: "yo" for "ё"), z's must be one `vowels` allows for x's ("Richter" /
 * "Рихтера" i-e fits, "Рахтера" a-e does not); a digraph or a diphthong on either side ("Rose" / "Роуз", "Lion" /
 * "Лайон") is left alone, English spells too many sounds so. Undefined when the two cannot be read against each
 * other (other cluster counts, fewer than two clusters).
 */
function renders(x: NameWord, z: NameWord, vowels: Record<string, string[]>): boolean | undefined {
  const fx = vowelRuns(x.key, true);
  const fz = [vowelRuns(z.key, false), vowelRuns(foldKey(z.text), false)].find((f) => f.length === fx.length);
  if (!fz || fx.length < 3) return undefined;
  for (let i = 0; i < fx.length - 1; i++) {
    const e = fx[i]!;
    const r = fz[i]!;
    const bare = r.length === 2 && r.startsWith('y') ? r.slice(1) : r;
    if (e === r || e.length !== 1 || bare.length !== 1) continue;
    if (!(vowels[e] ?? []).some((v) => v === r || v === bare)) return false;
  }
  return true;
}

/** Does z keep x's vowels, letter for letter, up to its last consonant ("Macaroni" / "Макарони")? */
function sameVowels(x: NameWord, z: NameWord): boolean {
  const fx = vowelRuns(x.key, true);
  const bare = (r: string): string => (r.length === 2 && r.startsWith('y') ? r.slice(1) : r);
  return [vowelRuns(z.key, false), vowelRuns(foldKey(z.text), false)]
    .some((fz) => fz.length === fx.length && fx.every((e, i) => i === fx.length - 1 || bare(e) === bare(fz[i]!)));
}

/**
 * The vowel runs of a folded name between its consonant clusters, consonants normalised as nameSkeleton does. In a
 * Latin-script name a "w" that is sounded as a vowel ("West" / "Уэст", "Mews" / "Мьюз") is read as "u".
 */
function vowelRuns(folded: string, latin: boolean): string[] {
  let t = folded.toLowerCase().replace(/[^a-z]/g, '');
  if (latin) t = t.replace(/^wh?(?=[aeiou])/, 'u').replace(/(?<=[aeiou])w(?![aeiouy])/g, 'u');
  // A "c" before e, i, y is an "s".
  t = nameSpelling(t.replace(/c(?=[eiy])/g, 's')).replace(/([^aeiouy])\1+/g, '$1');
  // A glide or "j" before the first vowel is written so many ways ("Yankel" / "Янкель", "Yevmenov" / "Евменов",
  // "Jackson" / "Джексон") that it is left out on both sides.
  return t.replace(/^[jy](?=[aeiou])/, '').split(/[^aeiouy]+/);
}

/**
 * How far apart the consonant skeletons of a name and its rendering in another script are, the rendering read with
 * and without its case ending ("Saipov" / "Саипова": s-p-v either way).
 */
function skeletonDistance(x: NameWord, z: NameWord): number {
  const sx = nameSkeleton(x.key);
  return Math.min(levenshtein.get(sx, nameSkeleton(z.key)), levenshtein.get(sx, nameSkeleton(foldKey(z.text))));
}

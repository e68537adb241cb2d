import type { EntityMention } from '../../model/mention.js';
import type { Span } from '../../model/span.js';
import { entityKey, type Gazetteer, type NameInflection } from '../../lang/keys.js';

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&.-]*/gu;

export interface EntityContext {
  /** Names that translate: a gazetteer alias gives the canonical key. */
  gazetteer: Gazetteer;
  /** Lower-case words allowed inside a name (the pack's nameConnectors): "Bank of America", "Ludwig van Beethoven". */
  connectors: ReadonlySet<string>;
  /** How the text's language declines names (the pack's script and nameEndings), if it does. */
  inflection?: NameInflection;
  /** Words (lower case) the document uses in lower case: a capitalised sentence-initial form of one is not a name. */
  lowerVocabulary: Set<string>;
  /** Lower-case stop words and title words from the language pack. */
  stopwords: Set<string>;
  /** Month and weekday names (lower case): dates, not names. */
  dateWords: Set<string>;
  /** Titles and honorifics that may lead a name ("Prime Minister", "Thứ trưởng"): cut from the name's span. */
  titlePrefix?: RegExp;
}

interface Tok { start: number; end: number; text: string; cap: boolean }

const cleanToken = (text: string, start: number): Tok => {
  let t = text;
  // Trailing full stop belongs to the sentence unless the token is an initialism ("U.S.").
  if (t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t)) t = t.replace(/\.+$/u, '');
  t = t.replace(/['’]s$/u, '').replace(/[-'’]+$/u, '');
  // One capital letter alone ("C" of "C$640") is not a name; initials keep their dot ("J.").
  const cap = (/^\p{Lu}/u.test(t) || /^\p{N}+\p{Lu}/u.test(t)) && (t.length > 1 || text.endsWith('.'));
  return { start, end: start + t.length, text: t, cap };
};

/** Collects the lower-case words of a text once per source (for the sentence-initial test). */
export function lowerVocabulary(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}])\p{Ll}[\p{Ll}\p{M}]*/gu)) out.add(m[0]);
  return out;
}

/**
 * Finds names: runs of capitalised tokens (any script), joined by name connectors, minus sentence-initial
 * common words, titles and date words. Each gets a folded key; a gazetteer alias gives the canonical key.
 */
export function extractEntities(text: string, range: Span, ctx: EntityContext): EntityMention[] {
  const slice = text.slice(range.start, range.end);
  const toks: Tok[] = [];
  for (const m of slice.matchAll(TOKEN)) toks.push(cleanToken(m[0], range.start + (m.index ?? 0)));
  const out: EntityMention[] = [];
  const gaz = ctx.gazetteer;
  let i = 0;
  // The first word-token of the sentence (after quotes) is only a name if the document never writes it in lower case.
  const isNameTok = (t: Tok, idx: number): boolean => {
    if (!t.cap || t.text.length === 0) return false;
    const low = t.text.toLowerCase();
    if (ctx.dateWords.has(low) || ctx.stopwords.has(low)) return false;
    const stem = low.replace(/['’].*$/u, '');
    if (idx === 0 && stem !== low && (ctx.lowerVocabulary.has(stem) || ctx.stopwords.has(stem))) return false;
    if (idx === 0 && ctx.lowerVocabulary.has(low)) return false;
    return true;
  };
  while (i < toks.length) {
    const t = toks[i]!;
    if (!isNameTok(t, i)) { i++; continue; }
    let j = i;
    while (j + 1 < toks.length) {
      const n = toks[j + 1]!;
      const gap = text.slice(toks[j]!.end, n.start);
      if (!/^[ \u00a0-]?$/u.test(gap) && gap !== ' ') break;
      if (isNameTok(n, j + 1)) { j++; continue; }
      const n2 = toks[j + 2];
      if (ctx.connectors.has(n.text) && n2 && isNameTok(n2, j + 2) && /^ $/u.test(text.slice(n.end, n2.start))) { j += 2; continue; }
      break;
    }
    let start = t.start;
    const end = toks[j]!.end;
    if (ctx.titlePrefix) {
      const m = ctx.titlePrefix.exec(text.slice(start, end));
      if (m && m[0].length < end - start) start += m[0].length;
    }
    const surface = text.slice(start, end);
    const { key, tokens } = entityKey(surface, ctx.inflection);
    if (key && /\p{L}/u.test(surface)) {
      const alias = gaz.aliases.get(key);
      out.push({ type: 'entity', source: range.source, start, end, text: surface, key: alias ?? key, tokens, alias: alias !== undefined });
    }
    i = j + 1;
  }
  return out.flatMap((e) => splitOnAliases(e, gaz.aliases, gaz.maxWords, ctx.titlePrefix, ctx.inflection));
}

/**
 * "Chinese President Xi Jinping", "Russian startup": a leading demonym or country name is its own entity, so
 * the rest keeps its own key. Names that merely contain a country ("South China Sea") are left whole.
 */
function splitOnAliases(e: EntityMention, aliases: Map<string, string>, maxWords: number, titlePrefix?: RegExp, inflection?: NameInflection): EntityMention[] {
  if (e.alias || e.tokens.length < 2) return [e];
  const words = [...e.text.matchAll(/[^\s\u00a0]+/gu)].map((m) => ({ text: m[0], start: e.start + (m.index ?? 0) }));
  if (words.length !== e.tokens.length) return [e];
  for (let len = Math.min(maxWords, words.length - 1); len >= 1; len--) {
    const k = e.tokens.slice(0, len).join(' ');
    const canon = aliases.get(k);
    if (!canon) continue;
    const headEnd = words[len - 1]!.start + words[len - 1]!.text.length;
    const head: EntityMention = { ...e, end: headEnd, text: e.text.slice(0, headEnd - e.start), key: canon, tokens: e.tokens.slice(0, len), alias: true };
    let restStart = words[len]!.start;
    const restText0 = e.text.slice(restStart - e.start);
    const t = titlePrefix?.exec(restText0);
    if (t && t[0].length < restText0.length) restStart += t[0].length;
    const restText = e.text.slice(restStart - e.start);
    const rk = entityKey(restText, inflection);
    const restAlias = aliases.get(rk.key);
    const rest: EntityMention = { ...e, start: restStart, text: restText, key: restAlias ?? rk.key, tokens: rk.tokens, alias: restAlias !== undefined };
    return [head, rest];
  }
  return [e];
}

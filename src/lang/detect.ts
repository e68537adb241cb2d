import { franc } from 'franc-min';

/** ISO 639-3 (what franc returns) to ISO 639-1 (what packs and reports use). */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', vie: 'vi', rus: 'ru', deu: 'de', fra: 'fr', spa: 'es', ukr: 'uk', por: 'pt', ita: 'it',
  cmn: 'zh', jpn: 'ja', kor: 'ko', arb: 'ar', hin: 'hi', pol: 'pl', nld: 'nl', tur: 'tr', ind: 'id',
};

/**
 * Detects the language of a text with franc-min (trigram profiles), looking at the content only
 * (callers pass the text without page furniture). Returns "und" when the text is too short or unknown.
 */
export function detectLanguage(text: string, only?: string[]): string {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  const opts: { minLength: number; only?: string[] } = { minLength: 10 };
  if (only && only.length > 0) {
    const iso3 = Object.entries(ISO3_TO_1).filter(([, v]) => only.includes(v)).map(([k]) => k);
    if (iso3.length > 0) opts.only = iso3;
  }
  const code = franc(sample, opts);
  return ISO3_TO_1[code] ?? 'und';
}

/**
 * Below this many letters franc's trigram profiles guess: a sentence of news English reads as German, Hausa or
 * Cebuano ("You have undertaken a difficult task, Lech Walesa said."). The packs' closed-class words decide there.
 */
export const SHORT_TEXT = 200;

/**
 * The language whose closed-class words (articles, prepositions, conjunctions, pronouns, auxiliaries: the packs'
 * lists) a short text uses most: at least two of them, and twice as many as any other language's. Undefined when
 * no language leads so clearly. `words` gives each candidate language's list, in lower case.
 */
export function closedClassLanguage(text: string, words: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const tokens = text.toLowerCase().normalize('NFC').match(/[\p{L}\p{M}'’]+/gu) ?? [];
  const hits: [string, number][] = [...words].map(([lang, set]) => [lang, tokens.filter((t) => set.has(t)).length]);
  hits.sort((a, b) => b[1] - a[1]);
  const [best, second] = hits;
  if (!best || best[1] < 2 || (second && best[1] < 2 * second[1])) return undefined;
  return best[0];
}

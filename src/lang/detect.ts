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

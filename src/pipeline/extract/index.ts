import type { Claim } from '../../model/claim.js';
import type { Sentence } from '../../model/sentence.js';
import type { CleanSource } from '../../model/source.js';
import type { Knowledge } from '../../lang/knowledge.js';
import type { LoadedPack } from '../../lang/compile.js';
import { nameInflection } from '../../lang/keys.js';
import { extractDates } from './dates.js';
import { extractQuantities } from './quantities.js';
import { extractEntities, lowerVocabulary } from './entities.js';
import { buildClaim, quoteOpenAfter } from './claims.js';

const dateWordCache = new Map<string, Set<string>>();
/** Month and weekday names in every language ICU knows for this one, to keep them out of names. */
function dateWords(lang: string): Set<string> {
  const hit = dateWordCache.get(lang);
  if (hit) return hit;
  const out = new Set<string>();
  dateWordCache.set(lang, out);
  let locale = 'en';
  try { locale = Intl.DateTimeFormat.supportedLocalesOf([lang])[0] ?? 'en'; } catch { /* und */ }
  for (const loc of new Set([locale, 'en'])) {
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2021, m, 15));
      for (const month of ['long', 'short'] as const) out.add(new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' }).format(d).toLowerCase().replace(/\.$/, ''));
    }
    for (let w = 0; w < 7; w++) {
      const d = new Date(Date.UTC(2021, 0, 3 + w));
      for (const weekday of ['long', 'short'] as const) out.add(new Intl.DateTimeFormat(loc, { weekday, timeZone: 'UTC' }).format(d).toLowerCase().replace(/\.$/, ''));
    }
  }
  return out;
}

const titleCache = new Map<string, RegExp | undefined>();
/** A regular expression for one or more leading titles ("Deputy Transport Minister ", "Ông "). */
function titlePrefix(titles: string[]): RegExp | undefined {
  const key = titles.join('\u0000');
  if (titleCache.has(key)) return titleCache.get(key);
  const alts = titles.filter((t) => t.trim()).sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const re = alts.length ? new RegExp(`^(?:(?:${alts.join('|')})\\s+)+`, 'iu') : undefined;
  titleCache.set(key, re);
  return re;
}

/** What name extraction needs of a pack, built once per pack (not per source: a translation memory has 400,000). */
interface PackNameWords {
  connectors: ReadonlySet<string>;
  stopwords: Set<string>;
  titlePrefix: RegExp | undefined;
}
const packNameWords = new WeakMap<LoadedPack, PackNameWords>();
function nameWords(pack: LoadedPack): PackNameWords {
  let w = packNameWords.get(pack);
  if (!w) {
    w = {
      connectors: new Set(pack.nameConnectors),
      stopwords: new Set([...(pack.stopwords ?? []), ...(pack.titles ?? [])].map((x) => x.toLowerCase())),
      // Role titles are titles too ("Finanzministerin Ana Ruiz", "Health Minister Ana Ruiz").
      titlePrefix: titlePrefix([...(pack.titles ?? []), ...Object.values(pack.titleRoles ?? {}).flat()]),
    };
    packNameWords.set(pack, w);
  }
  return w;
}

/** Reads the claim of every sentence of a source: quantities, dates, names, events, attribution, modality, polarity. */
export function extract(source: CleanSource, sentences: Sentence[], k: Knowledge): Claim[] {
  const pack = k.pack(source.lang);
  const inflection = nameInflection(pack);
  const words = nameWords(pack);
  const ctx = {
    gazetteer: k.gazetteer(),
    connectors: words.connectors,
    ...(inflection ? { inflection } : {}),
    lowerVocabulary: lowerVocabulary(source.text),
    stopwords: words.stopwords,
    dateWords: dateWords(source.lang),
    titlePrefix: words.titlePrefix,
  };
  const published = source.published ? { published: source.published } : {};
  let openQuote = false;
  let lastBlock = -1;
  return sentences.map((s) => {
    if (s.block !== lastBlock) { openQuote = false; lastBlock = s.block; }
    const dates = extractDates(source.text, s, pack, published);
    const quantities = extractQuantities(source.text, s, pack, dates);
    // A currency code or month inside an amount or a date is not a name ("50 triệu USD").
    const valueSpans = [...quantities, ...dates];
    const entities = extractEntities(source.text, s, ctx).filter((e) => !valueSpans.some((v) => v.start < e.end && e.start < v.end));
    const claim = buildClaim(source.text, s, pack, { quantities, dates, entities }, openQuote);
    openQuote = quoteOpenAfter(source.text, s.start, s.end, openQuote);
    return claim;
  });
}

import { getPack } from '../../../src/lang/packs.js';
import { extractDates } from '../../../src/pipeline/extract/dates.js';
import { extractQuantities, type ExtractedQuantity } from '../../../src/pipeline/extract/quantities.js';
import type { DateMention } from '../../../src/model/mention.js';
import type { Span } from '../../../src/model/span.js';

/** Extracts from `text` taken as one sentence: dates first, then quantities outside them, as the pipeline does. */
export function extractAll(lang: string, text: string, published?: string): { dates: DateMention[]; quantities: ExtractedQuantity[] } {
  const pack = getPack(lang);
  const range: Span = { source: 't', start: 0, end: text.length };
  const dates = extractDates(text, range, pack, published ? { published } : {});
  return { dates, quantities: extractQuantities(text, range, pack, dates) };
}

const ABBREVIATIONS = /(?:^|[\s(])(?:[A-Z]|U\.S|U\.K|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Inc|Corp|Co|Ltd|No|Hwy|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|TP|г|тыс|млн|млрд|руб|долл)$/u;

/** Rough sentence spans of a text, enough to test extraction per sentence: lines, split after . ! ? before a capital. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    let start = line.index;
    const body = line[0];
    for (const m of body.matchAll(/[.!?…]+["”»’]?(?=\s+["“«]?\p{Lu})/gu)) {
      const before = body.slice(0, m.index);
      if (ABBREVIATIONS.test(before)) continue;
      const end = line.index + m.index + m[0].length;
      out.push({ source: 't', start, end });
      start = end;
      while (/\s/.test(text[start] ?? '')) start++;
    }
    if (start < line.index + body.length) out.push({ source: 't', start, end: line.index + body.length });
  }
  return out;
}
